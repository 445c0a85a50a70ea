// Creating a custom regulation profile from a preset: change the numbers, every problem is named next to its field
// (checked in the browser by the domain's parseProfile, and again by the server).
import { profileIssueText } from '@otklik/contract';
import { type DurationUnit, type Profile, parseProfile, type StepId } from '@otklik/domain';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/trpc';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { DataTable } from '../../components/DataTable';
import { parseDecimal } from '../../components/decimal';
import { Field } from '../../components/Field';
import { fill, useT } from '../../i18n';
import { FormSubmit } from './FormStatus';
import { useAdminForm } from './use-admin-form';

const UNITS: readonly DurationUnit[] = [
  'working-minutes',
  'working-days',
  'calendar-days',
  'calendar-hours',
  'idrinsky-24h',
];

type Draft = {
  id: string;
  name: string;
  atRiskShare: string;
  publisher: Profile['publisher'];
  steps: Profile['steps'];
  /** The amounts as typed ("1,5" included), read by parseDecimal on submit. */
  amounts: Partial<Record<StepId, string>>;
};

export function ProfileEditor(props: { readonly base: Profile; readonly onCreated: (id: string) => void }) {
  const t = useT();
  const lang = t.lang.code as 'ru' | 'en';
  const form = useAdminForm();
  const [d, setD] = useState<Draft>({
    id: `${props.base.id}-custom`,
    name: fill(t.admin.copyName, { name: props.base.name }),
    atRiskShare: String(props.base.atRiskShare).replace('.', ','),
    publisher: props.base.publisher,
    steps: props.base.steps,
    amounts: Object.fromEntries(
      Object.entries(props.base.steps).flatMap(([step, rule]) =>
        rule?.kind === 'duration' ? [[step, String(rule.amount).replace('.', ',')]] : [],
      ),
    ),
  });
  const [issues, setIssues] = useState<Record<string, string>>({});

  const setStep = (step: StepId, patch: Record<string, unknown>) =>
    setD({ ...d, steps: { ...d.steps, [step]: { ...d.steps[step]!, ...patch } } });
  const body = () => ({
    ...props.base,
    id: d.id.trim(),
    name: d.name.trim(),
    atRiskShare: parseDecimal(d.atRiskShare),
    publisher: d.publisher,
    steps: Object.fromEntries(
      Object.entries(d.steps).map(([step, rule]) =>
        rule?.kind === 'duration'
          ? [step, { ...rule, amount: parseDecimal(d.amounts[step as StepId] ?? '') }]
          : [step, rule],
      ),
    ),
  });
  const err = (path: string) => issues[path] ?? form.field(path);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseProfile(body());
    if (!parsed.ok) {
      setIssues(Object.fromEntries(parsed.errors.map((i) => [i.path, profileIssueText(i, lang)])));
      form.refuse();
      return;
    }
    setIssues({});
    const ok = await form.submit(() => api.profiles.create.mutate({ profile: parsed.profile, basedOn: props.base.id }));
    if (ok) props.onCreated(parsed.profile.id);
  };

  return (
    <form className="admin-form profile-editor" onSubmit={submit} noValidate ref={form.ref}>
      <h3>
        {t.admin.copyFrom} «{props.base.name}»
      </h3>
      <Field label={t.admin.profileId} error={err('id')}>
        <input value={d.id} onChange={(e) => setD({ ...d, id: e.target.value })} />
      </Field>
      <Field label={t.admin.profileName} error={err('name')}>
        <input value={d.name} onChange={(e) => setD({ ...d, name: e.target.value })} />
      </Field>
      <Field label={t.admin.atRiskShare} error={err('atRiskShare')}>
        <input
          inputMode="decimal"
          value={d.atRiskShare}
          onChange={(e) => setD({ ...d, atRiskShare: e.target.value })}
        />
      </Field>
      <Field label={t.admin.publisher} error={err('publisher')}>
        <select value={d.publisher} onChange={(e) => setD({ ...d, publisher: e.target.value as Profile['publisher'] })}>
          <option value="executor">{t.admin.publishers.executor}</option>
          <option value="curator">{t.admin.publishers.curator}</option>
        </select>
      </Field>
      <DataTable className="admin-table" headers={[t.admin.step, t.admin.amount, t.admin.unit, t.admin.source]}>
        {(Object.entries(d.steps) as [StepId, Profile['steps'][StepId]][]).map(([step, rule]) =>
          rule?.kind === 'duration' ? (
            <tr key={step}>
              <th scope="row">{t.steps[step]}</th>
              <td>
                <Field hideLabel label={`${t.steps[step]}: ${t.admin.amount}`} error={err(`steps.${step}.amount`)}>
                  <input
                    inputMode="decimal"
                    value={d.amounts[step] ?? ''}
                    onChange={(e) => setD({ ...d, amounts: { ...d.amounts, [step]: e.target.value } })}
                  />
                </Field>
              </td>
              <td>
                <Field hideLabel label={`${t.steps[step]}: ${t.admin.unit}`} error={err(`steps.${step}.unit`)}>
                  <ChoiceSelect
                    value={rule.unit as (typeof UNITS)[number]}
                    onChange={(unit) => setStep(step, { unit })}
                    options={UNITS}
                    label={(u) => t.admin.units[u]}
                  />
                </Field>
              </td>
              <td>
                <Field hideLabel label={`${t.steps[step]}: ${t.admin.source}`} error={err(`steps.${step}.source`)}>
                  <input value={rule.source} onChange={(e) => setStep(step, { source: e.target.value })} />
                </Field>
              </td>
            </tr>
          ) : null,
        )}
      </DataTable>
      {Object.keys(issues).length > 0 && (
        <p className="error-message" role="alert">
          {t.admin.fixErrors}
        </p>
      )}
      <FormSubmit form={form} label={t.admin.create} />
    </form>
  );
}
