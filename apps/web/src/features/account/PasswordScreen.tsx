// The signed-in person changes their own password: the current one, then a new one twice; the server applies the
// password rule (and says which field is wrong) and ends the account's other sessions.
import { MIN_PASSWORD_LENGTH } from '@otklik/domain';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/trpc';
import { Field } from '../../components/Field';
import { PasswordInput } from '../../components/PasswordInput';
import { plural, useT } from '../../i18n';
import { FormStatus } from '../admin/FormStatus';
import { useAdminForm } from '../admin/use-admin-form';

export function PasswordScreen() {
  const t = useT();
  const form = useAdminForm();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat !== '' && next !== repeat;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    const ok = await form.submit(() => api.auth.changePassword.mutate({ currentPassword: current, newPassword: next }));
    if (ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  };
  return (
    <section className="page" aria-labelledby="password-title">
      <h1 id="password-title">{t.account.title}</h1>
      <form className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t.account.current} error={form.field('currentPassword')}>
          <PasswordInput autoComplete="current-password" required value={current} onChange={setCurrent} />
        </Field>
        <Field
          label={t.account.next}
          error={form.field('newPassword')}
          hint={plural(t.account.rule, MIN_PASSWORD_LENGTH, t.lang.locale)}
        >
          <PasswordInput
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={next}
            onChange={setNext}
          />
        </Field>
        <Field label={t.account.repeat} error={mismatch ? t.account.mismatch : undefined}>
          <PasswordInput autoComplete="new-password" required value={repeat} onChange={setRepeat} />
        </Field>
        <button type="submit" disabled={form.busy || mismatch || current === '' || next === ''}>
          {t.account.submit}
        </button>
        {form.saved ? (
          <p className="success-message" role="status">
            {t.account.changed}
          </p>
        ) : (
          <FormStatus error={form.error} saved={false} />
        )}
      </form>
    </section>
  );
}
