// The wall display's data by its read-only token, through the shared typed client (no session, no cookie). The reply
// has the shape of `wall.snapshot`'s output schema, which the server enforces; personal data is never in it.
import type { ImportedCalendarYear } from '@otklik/domain';
import { type AppRouter, createOtklikClient, TRPCClientError } from '@otklik/server/client';
import { toBoardCase, wallRowFields } from './adapters';
import { toMs } from './time';
import type { BoardCase } from './types';

/** What the wall shows besides its rows (read again every minute, without rows). */
export interface WallSettings {
  readonly organisationName: string;
  readonly timeZone: string;
  readonly calendarOverrides: unknown;
  /** Production-calendar years imported on the server: the wall counts time with the same calendar. */
  readonly calendarYears: readonly ImportedCalendarYear[];
  readonly serverTime: number;
}

export interface WallSnapshot extends WallSettings {
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

/** The wall's own client: no session, so no cookie is ever sent (a wall on a shared screen must not act as whoever
 *  signed in on that browser), and no cached reply. */
const wallApi = createOtklikClient({
  url: '/trpc',
  fetch: (input, init) => fetch(input, { ...init, credentials: 'omit', cache: 'no-store' }),
});

type SettingsReply = Awaited<ReturnType<typeof wallApi.wall.settings.query>>;

function toSettings(d: SettingsReply): WallSettings {
  return {
    organisationName: d.organisation.name,
    timeZone: d.organisation.timeZone,
    calendarOverrides: d.organisation.calendarOverrides ?? {},
    calendarYears: d.organisation.calendarYears,
    serverTime: d.serverTime,
  };
}

/** One query of the wall's, with when it was sent and answered (a server-clock sample) and its refusal as the wall
 *  tells it. */
async function timedWallQuery<T>(query: () => Promise<T>): Promise<{ reply: T; sentAt: number; receivedAt: number }> {
  const sentAt = Date.now();
  try {
    const reply = await query();
    return { reply, sentAt, receivedAt: Date.now() };
  } catch (err) {
    throw wallError(err);
  }
}

/** The wall's minute refresh once its rows are live: settings only (the rows come with the changes). */
export async function loadWallSettings(
  token: string,
): Promise<{ settings: WallSettings; sentAt: number; receivedAt: number }> {
  const { reply, sentAt, receivedAt } = await timedWallQuery(() => wallApi.wall.settings.query({ token }));
  return { settings: toSettings(reply), sentAt, receivedAt };
}

const noNames = { person: () => null, department: () => null, organisation: () => '' };

/** A refusal as the wall tells it: the server's code and reason when it answered, NETWORK when it did not. */
function wallError(err: unknown): WallError {
  if (!(err instanceof TRPCClientError)) return new WallError('network', 'NETWORK');
  const refused: TRPCClientError<AppRouter> = err;
  const reason = refused.data?.details?.reason;
  // No data: the request failed or the reply was not tRPC's (a proxy's error page).
  if (!refused.data) return new WallError(refused.message || 'network', 'NETWORK');
  return new WallError(refused.message, refused.data.code, typeof reason === 'string' ? reason : null);
}

export async function loadWallSnapshot(
  token: string,
): Promise<{ snapshot: WallSnapshot; sentAt: number; receivedAt: number }> {
  const { reply: d, sentAt, receivedAt } = await timedWallQuery(() => wallApi.wall.snapshot.query({ token }));
  const cases = d.cases.map((r) => {
    // Authors, message text and people stay off the wall: its rows carry none (the output schema drops them). Its
    // instants come as ISO strings (Dates on the server).
    const row = wallRowFields({ ...r, dueAt: r.dueAt === null ? null : toMs(r.dueAt), detectedAt: toMs(r.detectedAt) });
    return { ...toBoardCase(row, noNames, d.seq), organisationId: 'wall' };
  });
  return {
    snapshot: { ...toSettings(d), seq: d.seq, cases },
    sentAt,
    receivedAt,
  };
}
