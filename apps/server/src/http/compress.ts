// gzip for the answers of tRPC and the board snapshot (GET /api/board, `sendCompressed`): a snapshot of 10,000 rows
// is megabytes of repetitive JSON that shrinks about tenfold. tRPC's adapter writes a whole answer (no streaming link
// is used), so the body is gathered, compressed off the main thread (zlib's thread pool) and sent with its length.
// Small answers, clients that do not accept gzip and answers already encoded go out as they are. Written here rather
// than taken from the `compression` package: that one is middleware for connect/express and streams through a flush
// per chunk, while all this needs is one buffer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** zlib's level for an answer: 4, the first of the levels that look for a longer match before taking one. */
const GZIP_LEVEL = constants.Z_BEST_SPEED + 3;

/** The board snapshot's level (`sendCompressed`): 3, the last of the fast levels. On a page of 10,000 rows (14.6 MB
 *  of JSON) it took 31-32 ms of CPU against 55 ms at 4, for 1.16 MB against 1.11 MB (BENCHMARKS.md note 27). */
export const SNAPSHOT_GZIP_LEVEL = constants.Z_BEST_SPEED + 2;

/** Smaller answers are not worth a compression (and their headers would outweigh the gain). */
export const COMPRESS_MIN_BYTES = 1024;

export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Chunk = string | Uint8Array;

/** From here on, what is written to `res` is gathered and sent gzip-compressed when the client accepts it (and
 *  with `Vary: accept-encoding` either way). */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  const end = res.end.bind(res) as (chunk?: Chunk) => ServerResponse;
  const gather = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    gather(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    gather(chunk, encoding);
    const done = [chunk, encoding, callback].find((x) => typeof x === 'function') as (() => void) | undefined;
    sendWhole(req, res, Buffer.concat(chunks), (chunk) => {
      end(chunk);
      done?.();
    });
    return res;
  }) as ServerResponse['end'];
}

/** Sends `body` (the whole answer) with its length, gzip-compressed when the client accepts it and it is worth it. */
function sendWhole(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  end: (chunk: Buffer) => void,
  level = GZIP_LEVEL,
): void {
  // The answer varies with the encodings accepted (besides the Vary tRPC sets itself).
  if (!res.headersSent) {
    const vary = String(res.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) res.setHeader('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
  }
  const gzipOk = acceptsGzip(req) && req.method !== 'HEAD';
  const plain = () => {
    if (!res.headersSent) res.setHeader('content-length', body.length);
    end(body);
  };
  if (
    !gzipOk ||
    body.length < COMPRESS_MIN_BYTES ||
    res.getHeader('content-encoding') !== undefined ||
    res.headersSent
  ) {
    plain();
    return;
  }
  gzipAsync(body, { level }).then(
    (zipped) => {
      if (res.destroyed) return;
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('content-length', zipped.length);
      end(zipped);
    },
    () => plain(),
  );
}

/** A whole answer already in bytes (the board snapshot, http/board-route.ts), compressed as `compressResponse`
 *  compresses tRPC's (at `level`), without gathering a copy of it first. */
export function sendCompressed(req: IncomingMessage, res: ServerResponse, body: Buffer, level = GZIP_LEVEL): void {
  sendWhole(req, res, body, (chunk) => res.end(chunk), level);
}
