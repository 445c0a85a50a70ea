// Triage (REGULATIONS "life of a message" 2): topic, location, category, or not processable with the profile's ground.
import type { Category } from '@otklik/domain';
import { useState } from 'react';
import { pickLanguage } from '../../../api/errors';
import { profileFor } from '../../../api/profiles';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function TriageForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const s = detail.state;
  const [processable, setProcessable] = useState(true);
  const [topic, setTopic] = useState(s.topic ?? '');
  const [location, setLocation] = useState(s.location ?? '');
  const [category, setCategory] = useState<Category>(s.category ?? 'ordinary');
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');
  const grounds = profileFor(detail.profileId)?.rejectionGrounds ?? [];
  const submit = () =>
    void runner.run(
      processable
        ? { type: 'triage', processable, topic, location, category, note: note || undefined }
        : { type: 'triage', processable, ground, note: note || undefined },
    );
  return (
    <CommandForm title={t.commands.triage} runner={runner} onSubmit={submit}>
      <label className="field field-check">
        <input type="checkbox" checked={processable} onChange={(e) => setProcessable(e.target.checked)} />
        <span>{t.forms.processable}</span>
      </label>
      {processable ? (
        <>
          <Field label={t.caseView.topic} error={fieldError(runner, 'topic')}>
            <input value={topic} onChange={(e) => setTopic(e.target.value)} />
          </Field>
          <Field label={t.caseView.location} error={fieldError(runner, 'location')}>
            <input value={location} onChange={(e) => setLocation(e.target.value)} />
          </Field>
          <Field label={t.caseView.category} error={fieldError(runner, 'category')}>
            <select value={category} onChange={(e) => setCategory(e.target.value as Category)}>
              {(['ordinary', 'fast-track', 'high'] as const).map((c) => (
                <option key={c} value={c}>
                  {t.category[c]}
                </option>
              ))}
            </select>
          </Field>
        </>
      ) : (
        <Field label={t.forms.ground} error={fieldError(runner, 'ground')}>
          <select value={ground} onChange={(e) => setGround(e.target.value)}>
            <option value="">—</option>
            {grounds.map((g) => (
              <option key={g.code} value={g.code}>
                {pickLanguage(g.label, t.lang.code as 'ru' | 'en')}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t.forms.note}>
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
