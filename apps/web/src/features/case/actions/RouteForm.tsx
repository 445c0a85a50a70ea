// Routing (REGULATIONS 3–4): one department, or an ordered chain / parallel set the curator can reorder; used for the
// first routing, for re-routing a returned message, and for moving a case to other departments at any time (with a
// reason; the parts already sent by departments that stay are kept).
import { type Assignment, departmentExecutors, type RouteMode } from '@otklik/domain';
import { useEffect, useState } from 'react';
import { profileFor } from '../../../api/profiles';
import { api } from '../../../api/trpc';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Field } from '../../../components/Field';
import { formatDateTime } from '../../../components/format';
import { RowSelect } from '../../../components/RowSelect';
import { useAsync } from '../../../components/use-async';
import { fill, useT } from '../../../i18n';
import { useDirectory } from '../../../stores/directory';
import { CommandForm } from './CommandForm';
import { type ActionFormProps, fieldError } from './form-context';

export function RouteForm({
  detail,
  runner,
  variant,
}: ActionFormProps & { readonly variant: 'route' | 'reroute' | 'move' }) {
  const t = useT();
  const departments = useDirectory((s) => s.departments);
  const people = useDirectory((s) => s.people);
  const chainModes = profileFor(detail.profileId)?.chain.modes ?? ['sequential', 'parallel'];
  const modes: RouteMode[] = ['single', ...chainModes];
  const current = detail.state.assignments.map((a) => ({ departmentId: a.departmentId, executorId: a.executorId }));
  const moving = variant === 'move' && current.length > 0;
  const [mode, setMode] = useState<RouteMode>(moving ? (detail.state.mode ?? 'single') : 'single');
  const [steps, setSteps] = useState<Assignment[]>(moving ? current : [{ departmentId: '', executorId: '' }]);
  const [reason, setReason] = useState('');
  // Head and absence marks and the usual executor of each department (the domain's usualExecutor, on the server).
  const choices = useAsync(() => api.cases.routeChoices.query(), []);
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const choiceOf = (departmentId: string) => choices.data?.find((c) => c.departmentId === departmentId);

  const executorsOf = (departmentId: string) => {
    const choice = choiceOf(departmentId);
    if (choice) return choice.executors.map((e) => ({ id: e.personId, fullName: e.fullName, mark: e }));
    return departmentExecutors(people, departmentId).map((p) => ({ id: p.id, fullName: p.fullName, mark: null }));
  };
  /** The executor to preselect: the usual one, never an absent one ('' when everyone is away). */
  const usualOf = (departmentId: string) => {
    const choice = choiceOf(departmentId);
    if (choice) return choice.usualExecutorId ?? '';
    // Still loading: left empty, filled when the choices arrive (a guess now would stick); failed: the first one.
    if (!choices.error) return '';
    return executorsOf(departmentId)[0]?.id ?? '';
  };
  // The marks may arrive after a department was chosen: a step whose executor nobody picked gets the usual one.
  useEffect(() => {
    if (!choices.data) return;
    setSteps((s) =>
      s.map((a) => (a.departmentId && !a.executorId ? { ...a, executorId: usualOf(a.departmentId) } : a)),
    );
  }, [choices.data]);
  const optionLabel = (e: ReturnType<typeof executorsOf>[number]) => {
    const marks: string[] = [];
    if (e.mark?.head) marks.push(t.forms.executorHead);
    if (e.mark?.absence) {
      const substitute = people.find((p) => p.id === e.mark?.absence?.substituteId)?.fullName ?? '—';
      marks.push(
        fill(t.forms.executorAbsent, {
          until: formatDateTime(e.mark.absence.endsAt, timeZone, t.lang.locale),
          substitute,
        }),
      );
    }
    return marks.length ? `${e.fullName} — ${marks.join(', ')}` : e.fullName;
  };
  const update = (i: number, patch: Partial<Assignment>) =>
    setSteps((s) => s.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const move = (i: number, by: -1 | 1) =>
    setSteps((s) => {
      const next = [...s];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  const changeMode = (m: RouteMode) => {
    setMode(m);
    if (m === 'single') setSteps((s) => s.slice(0, 1));
  };
  const submit = () =>
    void runner.run(
      variant === 'move'
        ? { type: 'move', mode, assignments: steps, reason }
        : { type: variant, mode, assignments: steps },
    );

  return (
    <CommandForm title={t.commands[variant]} runner={runner} onSubmit={submit}>
      {variant === 'move' && <p className="muted">{t.forms.moveHint}</p>}
      <Field label={t.forms.mode} error={fieldError(runner, 'mode')}>
        <ChoiceSelect value={mode} onChange={changeMode} options={modes} label={(m) => t.forms.modes[m]} />
      </Field>
      <ol className="route-steps" aria-label={t.caseView.chain}>
        {steps.map((a, i) => {
          const executors = executorsOf(a.departmentId);
          return (
            <li key={i} className="route-step">
              <span className="route-step-n">{fill(t.forms.stepN, { n: i + 1 })}</span>
              <Field label={t.forms.department} error={fieldError(runner, `assignments.${i}.departmentId`)}>
                <RowSelect
                  value={a.departmentId}
                  onChange={(dept) => update(i, { departmentId: dept, executorId: usualOf(dept) })}
                  rows={departments}
                  label={(d) => d.name}
                  orNone
                />
              </Field>
              <Field label={t.forms.executor} error={fieldError(runner, `assignments.${i}.executorId`)}>
                <RowSelect
                  value={a.executorId}
                  onChange={(executorId) => update(i, { executorId })}
                  rows={executors}
                  label={optionLabel}
                  orNone
                />
              </Field>
              {a.departmentId && <UsualHint choice={choiceOf(a.departmentId)} chosen={a.executorId} />}
              {mode !== 'single' && (
                <div className="route-step-tools">
                  <button type="button" className="button-link" disabled={i === 0} onClick={() => move(i, -1)}>
                    {t.forms.moveUp}
                  </button>
                  <button
                    type="button"
                    className="button-link"
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    {t.forms.moveDown}
                  </button>
                  <button
                    type="button"
                    className="button-link"
                    disabled={steps.length === 1}
                    onClick={() => setSteps((s) => s.filter((_, j) => j !== i))}
                  >
                    {t.forms.removeStep}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {runner.fields.assignments && <p className="field-error">{runner.fields.assignments}</p>}
      {mode !== 'single' && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => setSteps((s) => [...s, { departmentId: '', executorId: '' }])}
        >
          {t.forms.addStep}
        </button>
      )}
      {variant === 'move' && (
        <Field label={t.forms.reason} error={fieldError(runner, 'reason')}>
          <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
    </CommandForm>
  );
}

/** Why an executor is preselected, and a warning when the chosen one is away (late is recorded, never blocked). */
function UsualHint(props: {
  readonly choice:
    | {
        executors: readonly { personId: string; fullName: string; handled: number; absence: unknown }[];
        usualExecutorId: string | null;
      }
    | undefined;
  readonly chosen: string;
}) {
  const t = useT();
  const { choice, chosen } = props;
  if (!choice) return null;
  const usual = choice.executors.find((e) => e.personId === choice.usualExecutorId);
  const picked = choice.executors.find((e) => e.personId === chosen);
  return (
    <p className="muted route-hint" data-testid="route-usual">
      {usual ? fill(t.forms.executorUsual, { name: usual.fullName, count: usual.handled }) : t.forms.executorNoneHere}
      {picked?.absence ? <span className="field-error"> {t.forms.executorAbsentChosen}</span> : null}
    </p>
  );
}
