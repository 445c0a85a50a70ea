// Hands a department's part to another executor of that department while its executor is away (illness, leave,
// business trip, study): the domain grants it to curators, administrators and the department's head.
import { type AbsenceReason, substituteCandidates } from '@otklik/domain';
import { useState } from 'react';
import { AbsenceReasonField } from '../../../components/AbsenceReasonField';
import { Field } from '../../../components/Field';
import { RowSelect } from '../../../components/RowSelect';
import { useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function ReassignForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const departments = useDirectory((s) => s.departments);
  const people = useDirectory((s) => s.people);
  const open = detail.state.assignments.filter((a) => a.contributedAt === null);
  const [departmentId, setDepartmentId] = useState(open[0]?.departmentId ?? '');
  const current = open.find((a) => a.departmentId === departmentId);
  const candidates = current ? substituteCandidates(people, current) : [];
  const [substituteId, setSubstituteId] = useState('');
  const [reason, setReason] = useState<AbsenceReason>('leave');
  const chosen = candidates.some((p) => p.id === substituteId) ? substituteId : (candidates[0]?.id ?? '');
  return (
    <CommandForm
      title={t.commands['reassign-substitute']}
      runner={runner}
      onSubmit={() => void runner.run({ type: 'reassign-substitute', departmentId, substituteId: chosen, reason })}
    >
      <Field label={t.admin.department} error={fieldError(runner, 'departmentId')}>
        <select value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
          {open.map((a) => (
            <option key={a.departmentId} value={a.departmentId}>
              {departments.find((d) => d.id === a.departmentId)?.name ?? a.departmentId}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t.admin.substitute} error={fieldError(runner, 'substituteId')}>
        <RowSelect value={chosen} onChange={setSubstituteId} rows={candidates} label={(p) => p.fullName} />
      </Field>
      <AbsenceReasonField value={reason} onChange={setReason} error={fieldError(runner, 'reason')} />
    </CommandForm>
  );
}
