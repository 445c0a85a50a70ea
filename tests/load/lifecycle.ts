// One case's life as the load harness plays it: intake → triage → route → draft → approval → publication, under a
// preset where the executor publishes (konyshevsky-2020). The fill folds these commands through the domain's
// decide/evolve (with the scheduler's at-risk and breach records at their true instants); the driver sends the
// same commands through the HTTP API.
import {
  type Actor,
  type CaseEvent,
  type CaseState,
  type DomainContext,
  decide,
  evolve,
  initialState,
} from '@otklik/domain';
import { pendingActions } from '../../apps/server/src/scheduler/alarms';
import type { SyntheticMessage } from './corpus';

export const PROFILE_ID = 'konyshevsky-2020';

/** Where an open case stands: the command that moves it on is `STEPS[stage]`. */
export const STAGES = ['registered', 'triaged', 'routed', 'drafted', 'approved'] as const;
export type Stage = (typeof STAGES)[number];

export type StepName = 'triage' | 'route' | 'draft' | 'approve' | 'publish';
export const STEPS: readonly StepName[] = ['triage', 'route', 'draft', 'approve', 'publish'];
/** Who sends each step: the curator triages, routes and approves; the routed executor drafts and publishes. */
export const STEP_ROLE: Record<StepName, 'curator' | 'executor'> = {
  triage: 'curator',
  route: 'curator',
  draft: 'executor',
  approve: 'curator',
  publish: 'executor',
};
/** Minutes after detection at which the fill performs each step (a brisk but ordinary pace). */
const STEP_AFTER_MIN: Record<StepName, number> = { triage: 8, route: 15, draft: 90, approve: 100, publish: 110 };

export interface Assignee {
  readonly departmentId: string;
  readonly executorId: string;
}

/** The command of a step, as the API takes it (`cases.command`'s `command`). */
export function stepCommand(step: StepName, message: SyntheticMessage, assignee: Assignee): Record<string, unknown> {
  switch (step) {
    case 'triage':
      return {
        type: 'triage',
        topic: message.topic,
        location: message.location,
        category: 'ordinary',
        processable: true,
      };
    case 'route':
      return { type: 'route', mode: 'single', assignments: [assignee] };
    case 'draft':
      return {
        type: 'submit-draft',
        kind: 'answer',
        text: 'Здравствуйте! Проблема передана ответственной службе, работы выполнят в течение недели.',
        attachments: [],
      };
    case 'approve':
      return { type: 'approve' };
    case 'publish':
      return { type: 'publish', where: { kind: 'same-thread' } };
  }
}

export interface FoldedCase {
  readonly state: CaseState;
  /** Every event with the person who caused it (null: the system — intake, scheduler). */
  readonly events: { readonly event: CaseEvent; readonly actorId: string | null }[];
}

export interface LifeInput {
  readonly caseId: string;
  readonly message: SyntheticMessage;
  readonly link: string;
  readonly externalId: string;
  readonly detectedAt: number;
  /** How many steps after registration the case went through (0 = only registered, 5 = published). */
  readonly steps: number;
  readonly curator: Actor;
  readonly executor: Actor;
  readonly assignee: Assignee;
  /** Record the clocks that fell due up to this instant after the last step (null: leave them to the scheduler). */
  readonly recordUntil: number | null;
}

const SYSTEM: Actor = { personId: 'system', roles: ['system'], departmentIds: [] };

/** Folds one case through the domain; throws when the domain refuses a step (the harness's script is wrong). */
export function foldCase(ctx: DomainContext, input: LifeInput): FoldedCase {
  let state = initialState;
  const events: FoldedCase['events'][number][] = [];
  const apply = (command: unknown, actor: Actor, at: number) => {
    const decision = decide(state, command, actor, at, ctx);
    if (!decision.ok) {
      const type = (command as { type: string }).type;
      throw new Error(`fill: ${type} refused: ${decision.error.code} ${decision.error.message}`);
    }
    for (const event of decision.events) {
      state = evolve(state, event);
      events.push({ event, actorId: event.by === 'system' ? null : actor.personId });
    }
  };
  // What the scheduler would have recorded before `until`, at the true instants.
  const recordClocks = (until: number) => {
    for (;;) {
      const action = pendingActions(state, ctx, until)[0];
      if (!action || action.at > until) return;
      const type = action.kind === 'at-risk' ? 'record-clock-at-risk' : 'record-clock-breached';
      apply({ type, clockId: action.clockId }, SYSTEM, action.at);
    }
  };
  apply(
    {
      type: 'register',
      caseId: input.caseId,
      network: input.message.network,
      link: input.link,
      author: { name: input.message.author },
      text: input.message.text,
      attachments: [],
      visibility: 'public',
      externalId: input.externalId,
    },
    SYSTEM,
    input.detectedAt,
  );
  for (const step of STEPS.slice(0, input.steps)) {
    const at = input.detectedAt + STEP_AFTER_MIN[step] * 60_000;
    recordClocks(at);
    const actor = STEP_ROLE[step] === 'curator' ? input.curator : input.executor;
    apply(stepCommand(step, input.message, input.assignee), actor, at);
  }
  if (input.recordUntil !== null) recordClocks(input.recordUntil);
  return { state, events };
}
