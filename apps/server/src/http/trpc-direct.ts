// A tRPC mutation answered without tRPC's Fetch adapter. The adapter turns every request into a Fetch `Request` and
// every answer into a `Response` (undici objects, abort signals, a body stream): on the server's busiest path, a
// workflow command, that took about as much CPU as the command's statements (BENCHMARKS.md note 32). Here the
// procedure is called with the same context, input and error shape tRPC gives it, and the answer is the same JSON
// on the wire: `{"result":{"data":…}}`, or `{"error":…}` with the status tRPC would send (in an array for a batch
// of one). Anything else — a query, a batch of several, a body without its length, a stream link's request — is not
// taken, and goes to tRPC's own handler untouched.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyTRPCRouter, TRPCError } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { sendError } from './respond';

/** A procedure's path as the web client and the load harness send it: letters, digits and dots only (no encoding). */
const PLAIN_PATH = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

/** Never aborted: no procedure of ours reads the call's signal. */
const NO_ABORT = new AbortController().signal;

export interface DirectMutations {
  /** Answers the request when it is a mutation of one procedure this path takes (true), or leaves it alone (false). */
  take(req: IncomingMessage, res: ServerResponse): boolean;
}

export function createDirectMutations<Ctx>(options: {
  router: AnyTRPCRouter;
  /** tRPC's base path, with its slashes ("/trpc/"). */
  basePath: string;
  maxBodySize: number;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<Ctx>;
}): DirectMutations {
  const { router, basePath, maxBodySize, createContext } = options;
  const config = router._def._config;
  // Every mutation of the router as built, by its path (a router with lazy parts would leave those to tRPC).
  const mutations = new Map<string, Procedure>();
  for (const [path, procedure] of Object.entries(router._def.procedures as Record<string, Procedure>)) {
    if (procedure._def.type === 'mutation') mutations.set(path, procedure);
  }

  return {
    take(req, res) {
      if (req.method !== 'POST') return false;
      const url = req.url ?? '';
      if (!url.startsWith(basePath)) return false;
      const query = url.indexOf('?');
      const path = url.slice(basePath.length, query < 0 ? undefined : query);
      const search = query < 0 ? '' : url.slice(query + 1);
      if (search !== '' && search !== 'batch=1') return false;
      if (!PLAIN_PATH.test(path)) return false;
      // tRPC's JSON handler takes the type without parameters, in any case; other types are its other handlers'.
      const type = req.headers['content-type']?.toLowerCase().split(';', 1)[0]?.trim();
      if (type !== 'application/json') return false;
      const declared = req.headers['content-length'];
      if (declared === undefined || req.headers['transfer-encoding'] !== undefined) return false;
      const length = Number(declared);
      if (!Number.isSafeInteger(length) || length < 0 || length > maxBodySize) return false;
      // A streaming link's request (jsonl, as tRPC reads `trpc-accept` or any part of `accept`) is tRPC's.
      if (req.headers['trpc-accept'] !== undefined || req.headers.accept?.includes('application/jsonl')) return false;
      const procedure = mutations.get(path);
      if (!procedure) return false;
      answer(req, res, path, procedure, search === 'batch=1', length).catch((error: unknown) => {
        // Nothing above throws but the answer's own writing (an output JSON cannot hold): as any other failure.
        if (!res.headersSent) sendError(res, error, `trpc ${path}`);
        else res.destroy();
      });
      return true;
    },
  };

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    procedure: Procedure,
    batch: boolean,
    length: number,
  ): Promise<void> {
    let body: string;
    try {
      body = await readExactly(req, length);
    } catch {
      // The client went away before its body arrived: nobody to answer.
      res.destroy();
      return;
    }
    let ctx: Ctx | undefined;
    let ctxError: unknown;
    try {
      ctx = await createContext(req, res);
    } catch (error) {
      ctxError = error;
    }
    // As tRPC's JSON content handler reads it, once: the body's JSON, or the batch's entry 0 (a batch needs an object);
    // whatever fails in reading it is a BAD_REQUEST with the failure's message.
    let inputs: { readonly 0?: unknown } | undefined;
    let reading: Promise<{ readonly 0?: unknown }> | undefined;
    const readInputs = async (): Promise<{ readonly 0?: unknown }> => {
      if (body === '') return {};
      const parsed: unknown = JSON.parse(body);
      if (!batch) return { 0: config.transformer.input.deserialize(parsed) };
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: '"input" needs to be an object when doing a batch call' });
      }
      const entry = (parsed as Record<string, unknown>)[0];
      return entry === undefined ? {} : { 0: config.transformer.input.deserialize(entry) };
    };
    const getRawInput = async () => {
      reading ??= readInputs().catch((cause: unknown) => {
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      });
      inputs = await reading;
      return inputs[0];
    };
    let item: { result: { data: unknown } } | { error: unknown };
    let errors: ReturnType<typeof getTRPCErrorFromUnknown>[] = [];
    try {
      if (ctxError !== undefined) throw ctxError;
      const data = await procedure({
        path,
        getRawInput,
        ctx,
        type: 'mutation',
        signal: NO_ABORT,
        batchIndex: 0,
      });
      item = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      errors = [error];
      item = { error: getErrorShape({ config, ctx, error, input: inputs?.[0], path, type: 'mutation' }) };
    }
    const status = getHTTPStatusCode([item] as never, errors);
    const json = transformTRPCResponse(config, batch ? [item as never] : (item as never));
    if (res.destroyed) return;
    const text = JSON.stringify(json);
    res.statusCode = status;
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    res.end(text);
  }
}

type Procedure = ((opts: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: unknown;
  type: 'mutation';
  signal: AbortSignal;
  batchIndex: number;
}) => Promise<unknown>) & { _def: { type: string } };

/** The request's body as text, `length` bytes as its Content-Length declared (Node's parser holds it to that). */
function readExactly(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const whole = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      if (whole.length !== length) reject(new Error('body length differs from its Content-Length'));
      else resolve(whole.toString('utf8'));
    });
    req.once('error', reject);
    // Closed before its end: the client went away (a settled promise ignores this after the end).
    req.once('close', () => reject(new Error('closed before the end of the body')));
  });
}
