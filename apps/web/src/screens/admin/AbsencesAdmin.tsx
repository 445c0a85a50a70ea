// Absences (illness, leave, business trip, study) and who stands in: the substitute sees the absent person's cases.
import { type FormEvent, useState } from 'react';
import { toMs } from '../../api/time';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDateTime, zonedInputToInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const REASONS = ['illness', 'leave', 'business-trip', 'study', 'other'] as const;

export function AbsencesAdmin() {
  const t = useT();
  const people = useDirectory((s) => s.people);
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const list = useAsync(() => api.directory.absences.query(), []);
  const form = useAdminForm();
  const [v, setV] = useState({
    personId: '',
    substituteId: '',
    reason: 'leave' as (typeof REASONS)[number],
    from: '',
    to: '',
  });
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const name = (id: string) => people.find((p) => p.id === id)?.fullName ?? id;
  const when = (x: unknown) => formatDateTime(toMs(x), timeZone, t.lang.locale);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await form.submit(() =>
      api.directory.createAbsence.mutate({
        personId: v.personId,
        substituteId: v.substituteId,
        reason: v.reason,
        startsAt: Math.max(0, zonedInputToInstant(`${v.from}T00:00`, timeZone) || 0),
        endsAt: Math.max(0, zonedInputToInstant(`${v.to}T23:59`, timeZone) || 0),
      }),
    );
    if (ok) list.reload();
  };
  const personSelect = (k: 'personId' | 'substituteId') => (
    <Field label={k === 'personId' ? t.admin.person : t.admin.substitute} error={form.field(k)}>
      <select value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })}>
        <option value="">{t.admin.none}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.fullName}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.absences}</h2>
      {list.data.length === 0 ? (
        <p className="muted">{t.admin.noData}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.admin.person}</th>
              <th scope="col">{t.admin.substitute}</th>
              <th scope="col">{t.admin.reason}</th>
              <th scope="col">{t.admin.from}</th>
              <th scope="col">{t.admin.to}</th>
              <th scope="col">
                <span className="visually-hidden">{t.admin.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <tr key={a.id}>
                <td>{name(a.personId)}</td>
                <td>{name(a.substituteId)}</td>
                <td>{t.admin.reasons[a.reason as (typeof REASONS)[number]] ?? a.reason}</td>
                <td>{when(a.startsAt)}</td>
                <td>{when(a.endsAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() =>
                      void form.submit(() => api.directory.deleteAbsence.mutate({ id: a.id })).then(list.reload)
                    }
                  >
                    {t.admin.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="admin-form" onSubmit={create} noValidate>
        <h3>{t.admin.add}</h3>
        {personSelect('personId')}
        {personSelect('substituteId')}
        <Field label={t.admin.reason}>
          <select value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value as (typeof REASONS)[number] })}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t.admin.reasons[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.admin.from} error={form.field('startsAt')}>
          <input type="date" value={v.from} onChange={(e) => setV({ ...v, from: e.target.value })} />
        </Field>
        <Field label={t.admin.to} error={form.field('endsAt')}>
          <input type="date" value={v.to} onChange={(e) => setV({ ...v, to: e.target.value })} />
        </Field>
        <FormStatus error={form.error} saved={form.saved} />
        <button type="submit" className="button-primary" disabled={form.busy}>
          {t.admin.create}
        </button>
      </form>
    </div>
  );
}
