// Linking a repeat message to earlier cases (REGULATIONS 11) and shortening a deadline (NAO p.14: never longer than
// the profile's; the server and the domain refuse a longer one with a readable message).
import type { StepId } from '@otklik/domain';
import { useState } from 'react';
import { findCaseIdsByNumbers } from '../../../api/cases';
import { Field } from '../../../components/Field';
import { instantToZonedInput, zonedInputToInstant } from '../../../components/format';
import { fill, useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function LinkRepeatForm({ runner }: ActionFormProps) {
  const t = useT();
  const [numbers, setNumbers] = useState('');
  const [lookupError, setLookupError] = useState<string | null>(null);
  const submit = async () => {
    setLookupError(null);
    const list = numbers
      .split(/[\s,;]+/)
      .map((x) => x.replace(/^№|^#/, ''))
      .filter(Boolean);
    const ids = await findCaseIdsByNumbers(list);
    const missing = list.filter((n) => !ids.has(n));
    if (missing.length) {
      setLookupError(fill(t.forms.invalidNumber, { value: missing.join(', ') }));
      return;
    }
    await runner.run({ type: 'link-repeat', earlierCaseIds: list.map((n) => ids.get(n)!) });
  };
  return (
    <CommandForm title={t.commands['link-repeat']} runner={runner} onSubmit={() => void submit()}>
      <Field label={t.forms.earlierCases} error={lookupError ?? fieldError(runner, 'earlierCaseIds')}>
        <input value={numbers} onChange={(e) => setNumbers(e.target.value)} inputMode="numeric" />
      </Field>
    </CommandForm>
  );
}

export function ShortenDeadlineForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const first = detail.clocks[0];
  const [step, setStep] = useState<StepId>(first?.step ?? 'answer');
  const current = detail.clocks.find((c) => c.step === step);
  const [due, setDue] = useState(current ? instantToZonedInput(current.dueAt, timeZone) : '');
  const submit = () => {
    const dueAt = zonedInputToInstant(due, timeZone);
    void runner.run({ type: 'shorten-deadline', step, dueAt: Number.isNaN(dueAt) ? -1 : dueAt });
  };
  return (
    <CommandForm title={t.commands['shorten-deadline']} runner={runner} onSubmit={submit}>
      <Field label={t.forms.step} error={fieldError(runner, 'step')}>
        <select value={step} onChange={(e) => setStep(e.target.value as StepId)}>
          {detail.clocks.map((c) => (
            <option key={c.id} value={c.step}>
              {t.steps[c.step]}
            </option>
          ))}
        </select>
      </Field>
      <Field label={`${t.forms.dueAt} (${timeZone})`} error={fieldError(runner, 'dueAt')}>
        <input type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </Field>
    </CommandForm>
  );
}
