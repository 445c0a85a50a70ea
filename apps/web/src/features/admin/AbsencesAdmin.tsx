// Absences (illness, leave, business trip, study) and who stands in: the substitute sees the absent person's cases.
// "Изменить" fills the form with an absence (its dates, substitute, reason); the server checks it again.
import type { AbsenceReason } from '@otklik/domain';
import { toMs } from '../../api/time';
import { api } from '../../api/trpc';
import { AbsenceReasonField } from '../../components/AbsenceReasonField';
import { Field } from '../../components/Field';
import { formatDateTime, instantToZonedInput, zonedInputToInstant } from '../../components/format';
import { OptionalSelect } from '../../components/OptionalSelect';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { AdminListSection } from './AdminListForm';

type Reason = AbsenceReason;
const EMPTY = { personId: '', substituteId: '', reason: 'leave' as Reason, from: '', to: '' };

export function AbsencesAdmin() {
  const t = useT();
  const people = useDirectory((s) => s.people);
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const list = useAsync(() => api.directory.absences.query(), []);
  const name = (id: string) => people.find((p) => p.id === id)?.fullName ?? id;
  const when = (x: unknown) => formatDateTime(toMs(x), timeZone, t.lang.locale);
  const day = (x: unknown) => instantToZonedInput(toMs(x), timeZone).slice(0, 10);
  return (
    <AdminListSection
      title={t.admin.sections.absences}
      list={list}
      columns={[
        { header: t.admin.person, cell: (a) => name(a.personId) },
        { header: t.admin.substitute, cell: (a) => name(a.substituteId) },
        { header: t.admin.reason, cell: (a) => t.admin.reasons[a.reason as Reason] ?? a.reason },
        { header: t.admin.from, cell: (a) => when(a.startsAt) },
        { header: t.admin.to, cell: (a) => when(a.endsAt) },
      ]}
      rowName={(a) => `${name(a.personId)}, ${when(a.startsAt)}`}
      editHeading={(a) => fill(t.admin.editAbsence, { name: name(a.personId) })}
      empty={EMPTY}
      draftOf={(a) => ({
        personId: a.personId,
        substituteId: a.substituteId,
        reason: a.reason as Reason,
        from: day(a.startsAt),
        to: day(a.endsAt),
      })}
      save={(v, id) => {
        const input = {
          personId: v.personId,
          substituteId: v.substituteId,
          reason: v.reason,
          startsAt: Math.max(0, zonedInputToInstant(`${v.from}T00:00`, timeZone) || 0),
          endsAt: Math.max(0, zonedInputToInstant(`${v.to}T23:59`, timeZone) || 0),
        };
        return id ? api.directory.updateAbsence.mutate({ id, ...input }) : api.directory.createAbsence.mutate(input);
      }}
      remove={(a) => api.directory.deleteAbsence.mutate({ id: a.id })}
      fields={(v, set, form) => (
        <>
          {(['personId', 'substituteId'] as const).map((k) => (
            <Field key={k} label={k === 'personId' ? t.admin.person : t.admin.substitute} error={form.field(k)}>
              <OptionalSelect
                value={v[k]}
                onChange={(id) => set({ [k]: id })}
                options={people.map((p) => ({ id: p.id, label: p.fullName }))}
              />
            </Field>
          ))}
          <AbsenceReasonField value={v.reason} onChange={(reason) => set({ reason })} />
          <Field label={t.admin.from} error={form.field('startsAt')}>
            <input type="date" value={v.from} onChange={(e) => set({ from: e.target.value })} />
          </Field>
          <Field label={t.admin.to} error={form.field('endsAt')}>
            <input type="date" value={v.to} onChange={(e) => set({ to: e.target.value })} />
          </Field>
        </>
      )}
    />
  );
}
