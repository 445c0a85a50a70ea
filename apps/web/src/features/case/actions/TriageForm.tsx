// Triage (REGULATIONS "life of a message" 2): topic from the directory, location, category and high importance, or not
// processable with one of the profile's grounds.
import { useState } from 'react';
import { CheckField } from '../../../components/CheckField';
import { useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import { type Classification, ClassificationFields, topicFields } from './ClassificationFields';
import { CommandForm } from './CommandForm';
import type { ActionFormProps } from './form-context';
import { GroundFields } from './GroundFields';

export function TriageForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const s = detail.state;
  const hasDirectory = useDirectory((d) => d.topics.some((x) => x.active));
  const [processable, setProcessable] = useState(true);
  const [value, setValue] = useState<Classification>({
    topic: s.topic ?? '',
    topicId: s.topicId ?? '',
    location: s.location ?? '',
    category: s.category ?? 'ordinary',
    high: s.high,
  });
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');
  const submit = () =>
    void runner.run(
      processable
        ? {
            type: 'triage',
            processable,
            ...topicFields(value, hasDirectory),
            location: value.location.trim() || undefined,
            category: value.category,
            high: value.high,
            note: note || undefined,
          }
        : { type: 'triage', processable, ground, note: note || undefined },
    );
  return (
    <CommandForm title={t.commands.triage} runner={runner} onSubmit={submit}>
      <CheckField label={t.forms.processable} checked={processable} onChange={setProcessable} />
      {processable && (
        <ClassificationFields profileId={detail.profileId} value={value} onChange={setValue} runner={runner} />
      )}
      <GroundFields
        profileId={detail.profileId}
        runner={runner}
        ground={processable ? null : { value: ground, onChange: setGround }}
        note={note}
        onNote={setNote}
      />
    </CommandForm>
  );
}
