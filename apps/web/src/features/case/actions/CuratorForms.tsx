// The curator's corrections (issue 10): forward a curator-forwarded chain to its next executor (konyshevsky p.16, NAO
// p.22.2), and re-categorise a case after triage with a reason (deadlines recomputed from their original start).
// Moving a case to other departments is the route form in its `move` variant.
import { nextToForward } from '@otklik/domain';
import { useState } from 'react';
import { Field } from '../../../components/Field';
import { fill, useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import { type Classification, ClassificationFields, topicFields } from './ClassificationFields';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function ForwardForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const departments = useDirectory((s) => s.departments);
  const people = useDirectory((s) => s.people);
  const next = nextToForward(detail.state);
  const department = departments.find((d) => d.id === next?.departmentId)?.name ?? next?.departmentId ?? '—';
  const person = people.find((p) => p.id === next?.executorId)?.fullName;
  return (
    <CommandForm
      title={t.commands.forward}
      runner={runner}
      submitLabel={t.commands.forward}
      onSubmit={() => void runner.run({ type: 'forward', departmentId: next?.departmentId })}
    >
      <p data-testid="forward-next">
        {fill(t.forms.forwardTo, { department: person ? `${department} — ${person}` : department })}
      </p>
      <p className="muted">{t.forms.forwardHint}</p>
    </CommandForm>
  );
}

export function RecategoriseForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const s = detail.state;
  const hasDirectory = useDirectory((d) => d.topics.some((x) => x.active));
  const initial: Classification = {
    topic: s.topic ?? '',
    topicId: s.topicId ?? '',
    location: s.location ?? '',
    category: s.category ?? 'ordinary',
    high: s.high,
  };
  const [value, setValue] = useState<Classification>(initial);
  const [reason, setReason] = useState('');
  const submit = () => {
    // Only what changed is sent; the domain refuses a "change" that changes nothing.
    const topic = topicFields(value, hasDirectory);
    const topicChanged = hasDirectory ? value.topicId !== initial.topicId : value.topic.trim() !== initial.topic;
    void runner.run({
      type: 'recategorise',
      reason,
      ...(value.category !== initial.category ? { category: value.category } : {}),
      ...(value.high !== initial.high ? { high: value.high } : {}),
      ...(topicChanged ? topic : {}),
      ...(value.location.trim() !== initial.location ? { location: value.location.trim() } : {}),
    });
  };
  return (
    <CommandForm title={t.commands.recategorise} runner={runner} onSubmit={submit}>
      <p className="muted">{t.forms.recategoriseHint}</p>
      <ClassificationFields profileId={detail.profileId} value={value} onChange={setValue} runner={runner} />
      <Field label={t.forms.reason} error={fieldError(runner, 'reason')}>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
