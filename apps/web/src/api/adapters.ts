// Turns the server's board rows and clocks (typed by @otklik/contract: instants in epoch ms, the domain's clocks)
// into the web's view models, with people's and departments' names from the directory.

import type { BoardRowMessage, CaseRowMessage, WallRowMessage } from '@otklik/contract';
import { type Category, type Clock, curatorTurnOfFlags, type Responsible, type StepId } from '@otklik/domain';
import type { BoardCase, ClockHolderView, ClockView } from './types';

/** A clock as the board reads it: a compact board page leaves out what the client derives itself. */
export type ShownClock = Omit<Clock, 'remainingWorkingMinutes' | 'totalWorkingMinutes' | 'breachAt'>;

/** What the adapter reads of a row: the columns a compact board page, a live change and a wall row all carry. */
export type BoardRowFields = Pick<
  BoardRowMessage,
  | 'id'
  | 'number'
  | 'organisationId'
  | 'status'
  | 'currentStep'
  | 'dueAt'
  | 'responsiblePersonId'
  | 'responsiblePersonName'
  | 'responsibleDepartmentId'
  | 'responsibleDepartmentName'
  | 'category'
  | 'topic'
  | 'location'
  | 'network'
  | 'author'
  | 'excerpt'
  | 'flags'
  | 'isOpen'
  | 'detectedAt'
> &
  Partial<Pick<BoardRowMessage, 'absentPersonId' | 'chain' | 'version' | 'departmentIds' | 'executorIds'>> & {
    readonly clocks: readonly ShownClock[];
  };

/** A wall's row as the adapter reads rows: a wall row has no people and no text. */
export function wallRowFields(r: Omit<WallRowMessage, 'view'>): BoardRowFields {
  return {
    ...r,
    organisationId: 'wall',
    responsiblePersonId: null,
    responsiblePersonName: null,
    author: null,
    excerpt: '',
  };
}

/** A compact row's clocks as the adapter reads clocks: each rule from the message's `rules` (by key), `holders`
 *  (left out when the responsible party alone holds the clock) as that party. */
export function expandClocks(
  clocks: readonly (Omit<ShownClock, 'rule' | 'holders'> & { rule: string; holders?: ShownClock['holders'] })[],
  rules: Readonly<Record<string, ShownClock['rule']>>,
): ShownClock[] {
  return clocks.map((c) => ({ ...c, rule: rules[c.rule] ?? '', holders: c.holders ?? [c.responsible] }));
}

/** The row a live change or a catch-up page carries, as the adapter reads rows (`rules`: the message's). */
export function rowOfMessage(m: CaseRowMessage, rules: Readonly<Record<string, ShownClock['rule']>>): BoardRowFields {
  return m.view === 'board' ? { ...m, clocks: expandClocks(m.clocks, rules) } : wallRowFields(m);
}

export interface NameLookup {
  person(id: string | null | undefined): string | null;
  department(id: string | null | undefined): string | null;
  organisation(id: string): string;
}

function holderView(h: Responsible, names: NameLookup): ClockHolderView {
  return {
    role: h.role,
    personId: h.personId,
    departmentId: h.departmentId,
    personName: names.person(h.personId),
    departmentName: names.department(h.departmentId),
  };
}

export function toClockView(c: ShownClock, names: NameLookup): ClockView {
  // The clock's own instants, step, status and rule as they are; its parties named from the directory.
  const { responsible, holders, holder, ...clock } = c;
  return {
    ...clock,
    responsibleName: names.person(responsible.personId),
    responsiblePersonId: responsible.personId,
    departmentName: names.department(responsible.departmentId),
    responsibleRole: responsible.role,
    holders: holders.map((h) => holderView(h, names)),
    holderKind: holder,
  };
}

export function toClockViews(clocks: readonly ShownClock[], names: NameLookup): ClockView[] {
  return clocks.map((c) => toClockView(c, names));
}

/** The step clock that matters most: the one due first among the non-overall ones, else the overall one. */
export function pickStepClock(clocks: readonly ClockView[]): ClockView | null {
  const steps = clocks.filter((c) => c.kind === 'step').sort((a, b) => a.dueAt - b.dueAt);
  return steps[0] ?? clocks.find((c) => c.kind === 'overall') ?? null;
}

export function toBoardCase(r: BoardRowFields, names: NameLookup, seq: number): BoardCase {
  const clocks = toClockViews(r.clocks, names);
  const overall = clocks.find((c) => c.kind === 'overall') ?? null;
  const step = pickStepClock(clocks);
  return {
    id: r.id,
    number: r.number,
    organisationId: r.organisationId,
    organisationName: names.organisation(r.organisationId),
    status: r.status,
    currentStep: (r.currentStep ?? step?.step ?? null) as StepId | null,
    stepClock: step,
    overallDueAt: overall?.dueAt ?? r.dueAt,
    overallAtRiskAt: overall?.atRiskAt ?? null,
    responsibleName: r.responsiblePersonName ?? step?.responsibleName ?? null,
    departmentId: r.responsibleDepartmentId,
    departmentName: r.responsibleDepartmentName ?? step?.departmentName ?? null,
    category: (r.category === 'fast-track' ? 'fast-track' : 'ordinary') as Category,
    high: r.flags.includes('high') || r.category === 'high',
    network: r.network,
    topic: r.topic,
    location: r.location,
    detectedAt: r.detectedAt,
    excerpt: r.excerpt,
    authorName: r.author,
    sociallySignificant: r.flags.includes('socially-significant'),
    repeat: r.flags.includes('repeat'),
    publication: r.flags.includes('publication-failed')
      ? 'failed'
      : r.flags.includes('publishing')
        ? 'publishing'
        : null,
    messageDeleted: r.flags.includes('message-deleted'),
    isOpen: r.isOpen,
    seq,
    responsiblePersonId: r.responsiblePersonId,
    absentPersonId: r.absentPersonId ?? null,
    absentPersonName: names.person(r.absentPersonId),
    chain: r.chain ?? null,
    ...(r.version === undefined ? {} : { version: r.version }),
    departmentIds: r.departmentIds ?? [],
    executorIds: r.executorIds ?? [],
    dueAt: r.dueAt,
    curatorTurn: curatorTurnOfFlags(r.flags),
    clocks,
  };
}
