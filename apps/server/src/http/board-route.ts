// GET /api/board: the board snapshot as the web app reads it, a page at a time — the compact rows of
// cases/board-compact.ts and the rules their clocks name (trpc/outputs-cases.ts `zBoardSnapshotPage`). Not a tRPC
// procedure because its body is PostgreSQL's JSON text passed through unparsed (cases/board.ts `boardSnapshotPage`):
// tRPC would parse nothing but serialise everything again (issue 15: decoding and re-encoding 13.8 MB was most of a
// snapshot's time). It asks what `cases.board` asks (the session, the person's organisation, the cases they may see:
// trpc/routers/cases.ts `boardSelection`), takes the same filters (`?input=` as JSON, as a tRPC GET does), refuses a
// request another site's page sends (its Origin, or the browser's Sec-Fetch-Site), and is gzip-compressed
// (http/compress.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { boardSnapshotPage } from '../cases/board';
import type { ServerDeps } from '../deps';
import { appError } from '../errors/app-error';
import { withDeadline } from '../errors/deadline';
import { issueParams } from '../errors/input-issue';
import { boardSelection, zBoardFilters } from '../trpc/routers/cases';
import { requireUser } from './attachments-route';
import { SNAPSHOT_GZIP_LEVEL, sendCompressed } from './compress';
import { checkOrigin } from './origin';

export const BOARD_ROUTE = '/api/board';

/** The filters of `?input=` (JSON), as `cases.board` takes them; none: the whole board. */
function boardInput(req: IncomingMessage) {
  const param = new URL(req.url ?? '/', 'http://x').searchParams.get('input');
  let raw: unknown;
  try {
    raw = param === null ? undefined : JSON.parse(param);
  } catch {
    // Not JSON: refused below as an input that is not an object.
    raw = param;
  }
  const parsed = zBoardFilters.safeParse(raw);
  if (!parsed.success) throw appError('BAD_INPUT', 'input.invalid', issueParams('input', parsed.error));
  return parsed.data;
}

async function answerBoard(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw appError('NOT_FOUND', 'http.no-api-route', { path: BOARD_ROUTE });
  // A GET changes nothing, but its answer is the organisation's cases: another site's page may not ask for it with
  // the visitor's cookie (a browser says so in Origin or Sec-Fetch-Site).
  const verdict = checkOrigin(deps.origins, req.headers, false);
  if (!verdict.ok) {
    const { reason, origin } = verdict;
    throw appError('FORBIDDEN', 'http.origin-refused', origin ? { reason, origin } : { reason }, { reason: 'origin' });
  }
  const user = await requireUser(deps, req);
  const input = boardInput(req);
  const { seq, selection } = await boardSelection({ deps, user }, input);
  const page = await boardSnapshotPage(deps.database, user.organisationId, selection);
  const tail = `],"rules":${JSON.stringify(page.rules)},"seq":${seq},"serverTime":${deps.now()},"nextCursor":${JSON.stringify(page.nextCursor)}}`;
  // No copy of the page's bytes: PostgreSQL's text as the driver read it, between the answer's head and tail.
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  sendCompressed(req, res, [Buffer.from('{"cases":['), page.rows, Buffer.from(tail)], SNAPSHOT_GZIP_LEVEL);
}

export function handleBoardSnapshot(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return withDeadline(answerBoard(deps, req, res), deps.requestTimeoutMs);
}
