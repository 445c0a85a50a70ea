// Linking a repeat message to earlier cases (REGULATIONS 11) and shortening a deadline (NAO p.14: never longer than
// the profile's; the server and the domain refuse a longer one with a readable message).
import type { StepId } from '@otklik/domain';
import { useState } from 'react';
import { findCaseIdsByNumbers } from '../../../api/cases';
import { api } from '../../../api/trpc';
import { Field } from '../../../components/Field';
import { instantToZonedInput, zonedInputToInstant } from '../../../components/format';
import { useAsync } from '../../../components/use-async';
import { fill, useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function LinkRepeatForm({ detail, runner }: ActionFormProps) {
  const t = useT();
  const [numbers, setNumbers] = useState('');
  // Earlier cases by the same author or with a similar text (server-side trigram index), offered with one click.
  const suggestions = useAsync(() => api.reports.repeatCandidates.query({ caseId: detail.id, limit: 5 }), [detail.id]);
  const add = (n: number) =>
    setNumbers((v) => (v.split(/[\s,;]+/).includes(String(n)) ? v : [v.trim(), String(n)].filter(Boolean).join(', ')));
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
      {(suggestions.data?.length ?? 0) > 0 && (
        <div className="repeat-suggestions">
          <h4>{t.forms.repeatSuggestions}</h4>
          <ul>
            {suggestions.data!.map((c) => (
              <li key={c.caseId}>
                <button type="button" className="button-link" onClick={() => add(c.number)}>
                  №{c.number}
                </button>{' '}
                {c.excerpt}
                <span className="muted">
                  {' '}
                  ({c.sameAuthor ? `${t.forms.sameAuthor}, ` : ''}
                  {Math.round(c.similarity * 100)}%)
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
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
