// gzip for the answers of tRPC and the board snapshot (GET /api/board, `sendCompressed`): a snapshot of 10,000 rows
// is megabytes of repetitive JSON that shrinks about tenfold. tRPC's adapter writes a whole answer (no streaming link
// is used), as the direct path for its calls does (trpc-direct.ts), so the body is gathered, compressed off the main
// thread (zlib's thread pool) and sent with its length. Small answers, clients that do not accept gzip and answers
// already encoded go out as they are. Written here rather than taken from the `compression` package: that one is
// middleware for connect/express and streams through a flush per chunk, while all this needs is one buffer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { constants, createGzip, gzip } from 'node:zlib';

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
    // The gathered chunks are the parts (tRPC writes its answer as one): joined only when there are several.
    sendWhole(req, res, chunks, (parts) => {
      end(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts as Buffer[]));
      done?.();
    });
    return res;
  }) as ServerResponse['end'];
}

/** Sends `parts` (the whole answer, in order) with its length, gzip-compressed when the client accepts it and it is
 *  worth it. */
function sendWhole(
  req: IncomingMessage,
  res: ServerResponse,
  parts: readonly Buffer[],
  send: (parts: readonly Buffer[]) => void,
  level = GZIP_LEVEL,
): void {
  // The answer varies with the encodings accepted (besides the Vary tRPC sets itself).
  if (!res.headersSent) {
    const vary = String(res.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) res.setHeader('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
  }
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const gzipOk = acceptsGzip(req) && req.method !== 'HEAD';
  const plain = () => {
    if (!res.headersSent) res.setHeader('content-length', length);
    send(parts);
  };
  if (!gzipOk || length < COMPRESS_MIN_BYTES || res.getHeader('content-encoding') !== undefined || res.headersSent) {
    plain();
    return;
  }
  gzipParts(parts, level).then(
    (zipped) => {
      if (res.destroyed) return;
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('content-length', zipped.length);
      send([zipped]);
    },
    () => plain(),
  );
}

/** One gzip member of `parts` in order, off the main thread; several parts are fed to one stream, never joined. */
function gzipParts(parts: readonly Buffer[], level: number): Promise<Buffer> {
  if (parts.length === 1) return gzipAsync(parts[0] as Buffer, { level });
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const stream = createGzip({ level });
    stream.on('data', (chunk: Buffer) => out.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(out)));
    stream.on('error', reject);
    for (const part of parts) stream.write(part);
    stream.end();
  });
}

/** A whole answer already in bytes, in parts (the board snapshot, http/board-route.ts: its head, the page's rows as
 *  the driver read them, its tail), compressed as `compressResponse` compresses tRPC's (at `level`), without joining
 *  the parts into a copy first: a page of 10,000 rows is 14.6 MB, and a copy is garbage outside the heap that waits
 *  for a full collection (BENCHMARKS.md note 24). */
export function sendCompressed(
  req: IncomingMessage,
  res: ServerResponse,
  parts: readonly Buffer[],
  level = GZIP_LEVEL,
): void {
  sendWhole(
    req,
    res,
    parts,
    (out) => {
      for (const part of out.slice(0, -1)) res.write(part);
      res.end(out.at(-1));
    },
    level,
  );
}
