// From a case's folded state to the columns of its `cases` row (the projection the board queries).
import {
  type CaseParties,
  type CaseState,
  type Clock,
  caseParties,
  chainProgress,
  computeClocks,
  curatorTurn,
  curatorTurnFlag,
  isOpen,
  mergeParties,
  type Profile,
  type WorkingCalendar,
} from '@otklik/domain';
import { compactClocks } from './board-compact';

export function caseFlags(state: CaseState, clocks: readonly Clock[]): string[] {
  const flags: string[] = [];
  if (state.sociallySignificant) flags.push('socially-significant');
  // krasnoufimsk p.8.3: high importance is a flag on top of the category.
  if (state.high) flags.push('high');
  if (state.repeatOf.length > 0) flags.push('repeat');
  if (state.stage === 'final') flags.push('intermediate-answered');
  if (state.returns.length > 0) flags.push('returned');
  if (state.revisions.length > 0) flags.push('revised');
  // Channels: an answer on its way to the network, or stuck (the board shows it; the case says why).
  if (state.pendingPublication) flags.push(state.pendingPublication.failure ? 'publication-failed' : 'publishing');
  if (state.messageEditedAt) flags.push('message-edited');
  if (state.messageDeletedAt) flags.push('message-deleted');
  // The curator's queue (issue 12): what the case waits on a curator for.
  const turn = curatorTurn(state);
  if (turn) flags.push(curatorTurnFlag(turn));
  if (state.clocks.some((c) => c.breachedAt !== null) || clocks.some((c) => c.status === 'breached')) {
    flags.push('breached');
  } else if (
    state.clocks.some((c) => c.atRiskAt !== null && c.closedAt === null) ||
    clocks.some((c) => c.status === 'at-risk')
  ) {
    flags.push('at-risk');
  }
  return flags;
}

/** `storedParties`: the parties the row had before this change (visibility never shrinks). */
export function projectCase(
  state: CaseState,
  profile: Profile,
  calendar: WorkingCalendar,
  now: number,
  storedParties: CaseParties = { departmentIds: [], executorIds: [] },
) {
  const { active } = computeClocks(state, profile, calendar, now);
  const parties = mergeParties(storedParties, caseParties(state));
  // The step the board shows: the earliest step clock, else the overall one.
  const lead = active.find((c) => c.kind === 'step') ?? active[0] ?? null;
  const message = state.message;
  // The board snapshot's form of the clocks, kept with the row (board-compact.ts).
  const board = compactClocks(active);
  return {
    version: state.version,
    status: state.status,
    currentStep: lead?.step ?? null,
    dueAt: active[0] ? new Date(active[0].dueAt) : null,
    responsiblePersonId: lead?.responsible.personId ?? null,
    responsibleDepartmentId: lead?.responsible.departmentId ?? null,
    departmentIds: [...new Set(state.assignments.map((a) => a.departmentId))],
    // "My tasks": the executors who have the case (in a curator-forwarded chain, only once it is forwarded to them).
    executorIds: [...new Set(state.assignments.filter((a) => a.receivedAt !== null).map((a) => a.executorId))],
    partyDepartmentIds: [...parties.departmentIds],
    partyExecutorIds: [...parties.executorIds],
    category: state.category ?? 'ordinary',
    topic: state.topic,
    location: state.location,
    network: message?.network ?? 'other',
    externalId: message?.externalId ?? null,
    url: message?.link ?? null,
    author: message?.author.name ?? null,
    text: message?.text ?? '',
    isPublic: message?.visibility !== 'private',
    postedAt: state.postedAt !== null ? new Date(state.postedAt) : null,
    detectedAt: new Date(state.detectedAt ?? now),
    flags: caseFlags(state, active),
    clocks: active,
    state,
    chain: chainProgress(state),
    boardClocks: board.clocks,
    boardRules: board.rules,
    isOpen: isOpen(state),
    closedAt: state.closedAt !== null ? new Date(state.closedAt) : null,
    updatedAt: new Date(now),
  };
}
