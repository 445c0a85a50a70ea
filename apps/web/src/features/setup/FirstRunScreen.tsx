// The first-run page: shown instead of sign-in while no organisation exists. The one-time code from the server log
// (also accepted as ?code= in the address) lets whoever installed the server create the first organisation and its
// administrator, who is then signed in.
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { type ReadableError, toReadableError } from '../../api/errors';
import { loadMe } from '../../api/session';
import { api } from '../../api/trpc';
import { SignInCard } from '../../app/SignInCard';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { emptyOrganisationDraft, OrganisationFields, toNewOrganisation } from './OrganisationFields';

export function FirstRunScreen() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = useAsync(() => api.setup.status.query(), []);
  const [code, setCode] = useState(params.get('code') ?? '');
  const [draft, setDraft] = useState(emptyOrganisationDraft);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReadableError | null>(null);
  const [mismatch, setMismatch] = useState(false);

  if (!status.data) return status.error ? <Navigate to="/login" replace /> : <Loading />;
  if (!status.data.needed) return <Navigate to="/login" replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMismatch(draft.password !== draft.password2);
    if (draft.password !== draft.password2) return;
    setBusy(true);
    setError(null);
    try {
      await api.setup.complete.mutate({ code, ...toNewOrganisation(draft) });
      await loadMe();
      navigate('/admin/departments', { replace: true });
    } catch (err) {
      setError(toReadableError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const errors: Record<string, string> = { ...error?.fields, ...(mismatch ? { password2: t.setup.mismatch } : {}) };
  return (
    <SignInCard id="setup-title" title={t.setup.title} className="login-card setup-card admin-form" onSubmit={submit}>
      <p className="muted">{status.data.codeIssued ? t.setup.intro : t.setup.noCode}</p>
      <Field label={t.setup.code} error={errors.code}>
        <input
          name="code"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
      <OrganisationFields draft={draft} onChange={setDraft} errors={errors} />
      {error && (
        <p className="error-message" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? t.setup.submitting : t.setup.submit}
      </button>
    </SignInCard>
  );
}
