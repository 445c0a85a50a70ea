// The wall display's data by its read-only token, over plain HTTP to the tRPC endpoint (no session, no cookie). The
// reply is validated field by field; personal data is never expected and never shown.
import type { ImportedCalendarYear } from '@otklik/domain';
import { type ServerBoardRow, toBoardCase } from './adapters';
import { toMs } from './time';
import type { BoardCase } from './types';

export interface WallSnapshot {
  readonly organisationName: string;
  readonly timeZone: string;
  readonly calendarOverrides: unknown;
  /** Production-calendar years imported on the server: the wall counts time with the same calendar. */
  readonly calendarYears: readonly ImportedCalendarYear[];
  readonly serverTime: number;
  readonly seq: number;
  readonly cases: readonly BoardCase[];
}

export class WallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The server's reason of a refusal, e.g. 'display-key-revoked'. */
    readonly reason: string | null = null,
  ) {
    super(message);
  }
}

interface RawSnapshot {
  organisation?: { name?: string; timeZone?: string; calendarOverrides?: unknown; calendarYears?: unknown };
  serverTime?: number;
  seq?: number;
  cases?: Partial<ServerBoardRow>[];
}

const noNames = { person: () => null, department: () => null, organisation: () => '' };

export async function loadWallSnapshot(
  token: string,
): Promise<{ snapshot: WallSnapshot; sentAt: number; receivedAt: number }> {
  const sentAt = Date.now();
  const input = encodeURIComponent(JSON.stringify({ token }));
  let res: Response;
  try {
    res = await fetch(`/trpc/wall.snapshot?input=${input}`, { credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new WallError('network', 'NETWORK');
  }
  const receivedAt = Date.now();
  const body = (await res.json().catch(() => null)) as {
    result?: { data?: RawSnapshot };
    error?: { message?: string; data?: { code?: string; details?: { reason?: unknown } | null } };
  } | null;
  if (!res.ok || !body?.result?.data) {
    const reason = body?.error?.data?.details?.reason;
    throw new WallError(
      body?.error?.message ?? `HTTP ${res.status}`,
      body?.error?.data?.code ?? 'NETWORK',
      typeof reason === 'string' ? reason : null,
    );
  }
  const d = body.result.data;
  const cases = (d.cases ?? []).flatMap((r) => {
    if (typeof r.id !== 'string' || typeof r.number !== 'number') return [];
    const row: ServerBoardRow = {
      id: r.id,
      number: r.number,
      organisationId: r.organisationId ?? 'wall',
      status: r.status ?? '',
      currentStep: r.currentStep ?? null,
      dueAt: r.dueAt ?? null,
      responsiblePersonId: null,
      responsiblePersonName: null,
      responsibleDepartmentId: r.responsibleDepartmentId ?? null,
      responsibleDepartmentName: r.responsibleDepartmentName ?? null,
      category: r.category ?? 'ordinary',
      topic: r.topic ?? null,
      location: r.location ?? null,
      network: r.network ?? 'other',
      // Authors and message text stay off the wall even if a server sends them.
      author: null,
      excerpt: '',
      flags: Array.isArray(r.flags) ? r.flags : [],
      clocks: r.clocks,
      isOpen: r.isOpen !== false,
      detectedAt: r.detectedAt ?? 0,
    };
    return [{ ...toBoardCase(row, noNames, d.seq ?? 0), organisationId: 'wall' }];
  });
  return {
    snapshot: {
      organisationName: d.organisation?.name ?? '',
      timeZone: d.organisation?.timeZone ?? 'Europe/Moscow',
      calendarOverrides: d.organisation?.calendarOverrides ?? {},
      calendarYears: readCalendarYears(d.organisation?.calendarYears),
      serverTime: toMs(d.serverTime ?? receivedAt),
      seq: d.seq ?? 0,
      cases,
    },
    sentAt,
    receivedAt,
  };
}

const isDates = (v: unknown): v is string[] => Array.isArray(v) && v.every((d) => typeof d === 'string');

/** The imported years of the snapshot, each checked field by field; a malformed one is left out (fallback). */
function readCalendarYears(raw: unknown): ImportedCalendarYear[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((y: Partial<Record<keyof ImportedCalendarYear, unknown>>) =>
    typeof y?.year === 'number' &&
    typeof y.source === 'string' &&
    isDates(y.daysOff) &&
    isDates(y.shortenedDays) &&
    isDates(y.transferredDaysOff)
      ? [
          {
            year: y.year,
            source: y.source,
            daysOff: y.daysOff,
            shortenedDays: y.shortenedDays,
            transferredDaysOff: y.transferredDaysOff,
          },
        ]
      : [],
  );
}
