// Absences (illness, leave, business trip, study) and who stands in: the substitute sees the absent person's cases.
// "Изменить" fills the form with an absence (its dates, substitute, reason); the server checks it again.
import { type FormEvent, useRef, useState } from 'react';
import { toMs } from '../../api/time';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDateTime, instantToZonedInput, zonedInputToInstant } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { FormStatus } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const REASONS = ['illness', 'leave', 'business-trip', 'study', 'other'] as const;
const EMPTY = { personId: '', substituteId: '', reason: 'leave' as (typeof REASONS)[number], from: '', to: '' };

export function AbsencesAdmin() {
  const t = useT();
  const people = useDirectory((s) => s.people);
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const list = useAsync(() => api.directory.absences.query(), []);
  const form = useAdminForm();
  const [v, setV] = useState(EMPTY);
  /** The absence being edited; null: the form adds a new one. */
  const [editing, setEditing] = useState<string | null>(null);
  const section = useRef<HTMLDivElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  if (!list.data) return list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : <Loading />;
  const name = (id: string) => people.find((p) => p.id === id)?.fullName ?? id;
  const when = (x: unknown) => formatDateTime(toMs(x), timeZone, t.lang.locale);
  const reset = () => {
    setEditing(null);
    setV(EMPTY);
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const id = editing;
    const input = {
      personId: v.personId,
      substituteId: v.substituteId,
      reason: v.reason,
      startsAt: Math.max(0, zonedInputToInstant(`${v.from}T00:00`, timeZone) || 0),
      endsAt: Math.max(0, zonedInputToInstant(`${v.to}T23:59`, timeZone) || 0),
    };
    const ok = await form.submit(
      () => (id ? api.directory.updateAbsence.mutate({ id, ...input }) : api.directory.createAbsence.mutate(input)),
      { focus: id ? () => section.current?.querySelector<HTMLElement>(`[data-edit="${id}"]`) : 'first-field' },
    );
    if (ok) {
      reset();
      list.reload();
    }
  };
  const personSelect = (k: 'personId' | 'substituteId') => (
    <Field label={k === 'personId' ? t.admin.person : t.admin.substitute} error={form.field(k)}>
      <select
        ref={k === 'personId' ? firstField : undefined}
        value={v[k]}
        onChange={(e) => setV({ ...v, [k]: e.target.value })}
      >
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
    <div className="admin-section" ref={section}>
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
                <td className="admin-row-actions">
                  <button
                    type="button"
                    className="button-link"
                    data-edit={a.id}
                    aria-label={`${t.admin.edit}: ${name(a.personId)}, ${when(a.startsAt)}`}
                    onClick={() => {
                      setEditing(a.id);
                      setV({
                        personId: a.personId,
                        substituteId: a.substituteId,
                        reason: a.reason as (typeof REASONS)[number],
                        from: instantToZonedInput(toMs(a.startsAt), timeZone).slice(0, 10),
                        to: instantToZonedInput(toMs(a.endsAt), timeZone).slice(0, 10),
                      });
                      firstField.current?.focus();
                    }}
                  >
                    {t.admin.edit}
                  </button>{' '}
                  <button
                    type="button"
                    className="button-link"
                    aria-label={`${t.admin.remove}: ${name(a.personId)}, ${when(a.startsAt)}`}
                    onClick={() =>
                      void form
                        .submit(() => api.directory.deleteAbsence.mutate({ id: a.id }), { focus: 'first-field' })
                        .then((ok) => {
                          if (ok && editing === a.id) reset();
                          list.reload();
                        })
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
      <form className="admin-form" onSubmit={create} noValidate ref={form.ref}>
        <h3>
          {editing
            ? fill(t.admin.editAbsence, { name: name(list.data.find((a) => a.id === editing)?.personId ?? '') })
            : t.admin.add}
        </h3>
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
          {editing ? t.app.save : t.admin.create}
        </button>
        {editing && (
          <button type="button" className="button-secondary" onClick={reset}>
            {t.app.cancel}
          </button>
        )}
      </form>
    </div>
  );
}
