// Turns the server's board rows and clocks (jsonb, instants as numbers or ISO strings) into the web's view models,
// tolerating missing fields: a malformed clock is dropped, never a crash of the whole board.

import type { CaseRowMessage } from '@otklik/contract';
import { type Category, type ChainProgress, type ClockStatus, curatorTurnOfFlags, type StepId } from '@otklik/domain';
import { toMs, toMsOrNull } from './time';
import type { BoardCase, ClockView } from './types';

/** The fields of a board row the server sends (apps/server/src/cases/board.ts). */
export interface ServerBoardRow {
  id: string;
  number: number;
  organisationId: string;
  status: string;
  currentStep: string | null;
  dueAt: unknown;
  responsiblePersonId: string | null;
  /** The absent person a substitute stands in for (then responsiblePerson* is the substitute). */
  absentPersonId?: string | null;
  /** Several departments: the chain's progress (domain chainProgress). */
  chain?: ChainProgress | null;
  version?: number;
  responsiblePersonName: string | null;
  responsibleDepartmentId: string | null;
  responsibleDepartmentName: string | null;
  category: string;
  topic: string | null;
  location: string | null;
  network: string;
  author: string | null;
  excerpt: string;
  flags: readonly string[];
  clocks?: unknown;
  isOpen: boolean;
  detectedAt: unknown;
  departmentIds?: readonly string[];
  executorIds?: readonly string[];
}

/** The row a live change carries, as the adapter reads rows: a wall row has no people and no text. */
export function rowOfMessage(m: CaseRowMessage): ServerBoardRow {
  if (m.view === 'board') return m;
  return {
    ...m,
    organisationId: 'wall',
    responsiblePersonId: null,
    responsiblePersonName: null,
    author: null,
    excerpt: '',
  };
}

export interface NameLookup {
  person(id: string | null | undefined): string | null;
  department(id: string | null | undefined): string | null;
  organisation(id: string): string;
}

type RawClock = Record<string, unknown>;

export function toClockView(raw: RawClock, names: NameLookup): ClockView | null {
  const dueAt = toMsOrNull(raw.dueAt);
  const startedAt = toMsOrNull(raw.startedAt);
  if (dueAt === null || startedAt === null || typeof raw.step !== 'string') return null;
  const resp = (raw.responsible ?? {}) as { role?: string; personId?: string | null; departmentId?: string | null };
  return {
    id: typeof raw.id === 'string' ? raw.id : `${raw.step}@${startedAt}`,
    step: raw.step as StepId,
    kind: raw.kind === 'overall' ? 'overall' : 'step',
    startedAt,
    dueAt,
    atRiskAt: toMsOrNull(raw.atRiskAt),
    confirmed: raw.confirmed !== false,
    status: (typeof raw.status === 'string' ? raw.status : 'on-track') as ClockStatus,
    responsibleName: names.person(resp.personId),
    responsiblePersonId: resp.personId ?? null,
    departmentName: names.department(resp.departmentId),
    responsibleRole: resp.role === 'executor' || resp.role === 'operator' ? resp.role : 'curator',
    holders: Array.isArray(raw.holders)
      ? raw.holders.flatMap((h: unknown) => {
          if (!h || typeof h !== 'object') return [];
          const x = h as { role?: string; personId?: string | null; departmentId?: string | null };
          const role = x.role === 'executor' || x.role === 'operator' ? x.role : 'curator';
          return [
            {
              role,
              personId: x.personId ?? null,
              departmentId: x.departmentId ?? null,
              personName: names.person(x.personId),
              departmentName: names.department(x.departmentId),
            },
          ];
        })
      : [],
    holderKind: typeof raw.holder === 'string' ? raw.holder : null,
    rule: typeof raw.rule === 'string' ? raw.rule : '',
  };
}

export function toClockViews(raw: unknown, names: NameLookup): ClockView[] {
  const list = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object' && 'active' in raw
      ? (raw as { active: unknown }).active
      : [];
  if (!Array.isArray(list)) return [];
  return list.flatMap((c) => {
    const v = c && typeof c === 'object' ? toClockView(c as RawClock, names) : null;
    return v ? [v] : [];
  });
}

/** The step clock that matters most: the one due first among the non-overall ones, else the overall one. */
export function pickStepClock(clocks: readonly ClockView[]): ClockView | null {
  const steps = clocks.filter((c) => c.kind === 'step').sort((a, b) => a.dueAt - b.dueAt);
  return steps[0] ?? clocks.find((c) => c.kind === 'overall') ?? null;
}

export function toBoardCase(r: ServerBoardRow, names: NameLookup, seq: number): BoardCase {
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
    overallDueAt: overall?.dueAt ?? toMsOrNull(r.dueAt),
    overallAtRiskAt: overall?.atRiskAt ?? null,
    responsibleName: r.responsiblePersonName ?? step?.responsibleName ?? null,
    departmentId: r.responsibleDepartmentId,
    departmentName: r.responsibleDepartmentName ?? step?.departmentName ?? null,
    category: (r.category === 'fast-track' ? 'fast-track' : 'ordinary') as Category,
    high: r.flags.includes('high') || r.category === 'high',
    network: r.network,
    topic: r.topic,
    location: r.location,
    detectedAt: toMs(r.detectedAt),
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
    dueAt: toMsOrNull(r.dueAt),
    curatorTurn: curatorTurnOfFlags(r.flags),
    clocks,
  };
}
