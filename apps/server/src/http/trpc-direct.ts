// tRPC calls answered without tRPC's Fetch adapter. The adapter turns every request into a Fetch `Request` and every
// answer into a `Response` (undici objects, abort signals, a body stream): ~15 % of the server's CPU on its busiest
// path, the workflow commands (BENCHMARKS.md note 32). Here queries (GET) and mutations (POST, JSON with its length),
// alone or batched, are answered by calling the procedures with the same context, input and error shape tRPC gives
// them, and the answer is the same JSON on the wire: `{"result":{"data":…}}`, or `{"error":…}`, with the status tRPC
// would send (in an array for a batch, 207 when its calls' statuses differ). Anything else — a chunked body, a stream
// link's request, an unknown or encoded path, another URL parameter — is not taken, and goes to tRPC's own handler
// untouched.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyTRPCRouter, TRPCError } from '@trpc/server';
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import { readBody, sendError } from './respond';

/** A procedure's path as the web client and the load harness send it: letters, digits and dots only (no encoding). */
const PLAIN_PATH = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

/** Never aborted: no procedure of ours reads the call's signal. */
const NO_ABORT = new AbortController().signal;

export interface DirectCalls {
  /** Answers the request when it is a call this path takes (true), or leaves it alone (false). */
  take(req: IncomingMessage, res: ServerResponse): boolean;
}

type CallType = 'query' | 'mutation';

/** A request this path takes: one procedure alone, or a batch of them, their input in the body or the URL. */
interface Call {
  /** The procedures called, by path, in the request's order (one unless a batch). */
  readonly paths: readonly string[];
  readonly procedures: readonly Procedure[];
  readonly type: CallType;
  readonly batch: boolean;
  /** The URL's `input` (a query's; '' without one), or null: the input is the body (a mutation's). */
  readonly input: string | null;
}

export function createDirectCalls(options: {
  router: AnyTRPCRouter;
  /** tRPC's base path, with its slashes ("/trpc/"). */
  basePath: string;
  maxBodySize: number;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;
}): DirectCalls {
  const { router, basePath, maxBodySize, createContext } = options;
  const config = router._def._config;
  // Every query and mutation of the router as built, by type and path (a router with lazy parts would leave those
  // to tRPC). As tRPC maps them: a query answers GET, a mutation POST.
  const byType = { query: new Map<string, Procedure>(), mutation: new Map<string, Procedure>() };
  for (const [path, procedure] of Object.entries(router._def.procedures as Record<string, Procedure>)) {
    const type = procedure._def.type;
    if (type === 'query' || type === 'mutation') byType[type].set(path, procedure);
  }

  /** The call, or null for anything this path leaves to tRPC. */
  const callOf = (req: IncomingMessage): Call | null => {
    const type: CallType | null = req.method === 'GET' ? 'query' : req.method === 'POST' ? 'mutation' : null;
    if (!type) return null;
    const url = req.url ?? '';
    if (!url.startsWith(basePath)) return null;
    const mark = url.indexOf('?');
    const pathPart = url.slice(basePath.length, mark < 0 ? undefined : mark);
    // A streaming link's request (jsonl, as tRPC reads `trpc-accept` or any part of `accept`) is tRPC's.
    if (req.headers['trpc-accept'] !== undefined || req.headers.accept?.includes('application/jsonl')) return null;
    // tRPC's JSON handler takes the type without parameters, in any case (a GET may have none); other types are its
    // other handlers'.
    const contentType = req.headers['content-type']?.toLowerCase().split(';', 1)[0]?.trim();
    if (contentType !== 'application/json' && !(type === 'query' && contentType === undefined)) return null;
    const declared = req.headers['content-length'];
    if (req.headers['transfer-encoding'] !== undefined) return null;
    const params = new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1));
    const batchParam = params.getAll('batch');
    const inputParam = params.getAll('input');
    // Nothing but `batch=1` and, for a query, one `input` (connection parameters, event ids… are tRPC's).
    if (batchParam.length > 1 || (batchParam.length === 1 && batchParam[0] !== '1')) return null;
    if ([...params.keys()].some((k) => k !== 'batch' && k !== 'input')) return null;
    const batch = batchParam.length === 1;
    // A batch names its procedures separated by commas; every one must be a procedure of the request's type (tRPC
    // answers an unknown one, or one of another type, itself).
    const paths = batch ? pathPart.split(',') : [pathPart];
    const procedures: Procedure[] = [];
    for (const path of paths) {
      const procedure = PLAIN_PATH.test(path) ? byType[type].get(path) : undefined;
      if (!procedure) return null;
      procedures.push(procedure);
    }
    if (type === 'query') {
      // A query's input is in its URL; one with a body is tRPC's.
      if (inputParam.length > 1 || (declared !== undefined && declared !== '0')) return null;
      return { paths, procedures, type, batch, input: inputParam[0] ?? '' };
    }
    if (inputParam.length > 0 || declared === undefined) return null;
    const length = Number(declared);
    if (!Number.isSafeInteger(length) || length < 0 || length > maxBodySize) return null;
    return { paths, procedures, type, batch, input: null };
  };

  return {
    take(req, res) {
      const call = callOf(req);
      if (!call) return false;
      answer(req, res, call).catch((error: unknown) => {
        // Nothing above throws but the answer's own writing (an output JSON cannot hold): as any other failure.
        if (!res.headersSent) sendError(res, error, `trpc ${call.paths.join(',')}`);
        else res.destroy();
      });
      return true;
    },
  };

  async function answer(req: IncomingMessage, res: ServerResponse, call: Call): Promise<void> {
    const { paths, procedures, type, batch } = call;
    let text = call.input;
    if (text === null) {
      try {
        // Its length was checked against the limit when the call was taken.
        text = (await readBody(req, maxBodySize)).toString('utf8');
      } catch {
        // The client went away before its body arrived: nobody to answer.
        res.destroy();
        return;
      }
    }
    let ctx: unknown;
    let ctxError: unknown;
    try {
      ctx = await createContext(req, res);
    } catch (error) {
      ctxError = error;
    }
    // As tRPC's JSON content handler reads it, once for every call: the JSON, or for a batch the entry of each call's
    // index (a batch needs an object); whatever fails in reading it is a BAD_REQUEST with the failure's message.
    let inputs: Readonly<Record<number, unknown>> | undefined;
    let reading: Promise<Readonly<Record<number, unknown>>> | undefined;
    const readInputs = async (): Promise<Readonly<Record<number, unknown>>> => {
      if (text === '') return {};
      const parsed: unknown = JSON.parse(text);
      if (!batch) return { 0: config.transformer.input.deserialize(parsed) };
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: '"input" needs to be an object when doing a batch call' });
      }
      const each: Record<number, unknown> = {};
      for (const index of paths.keys()) {
        const entry = (parsed as Record<number, unknown>)[index];
        if (entry !== undefined) each[index] = config.transformer.input.deserialize(entry);
      }
      return each;
    };
    const read = () => {
      reading ??= readInputs().catch((cause: unknown) => {
        if (cause instanceof TRPCError) throw cause;
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: cause instanceof Error ? cause.message : 'Invalid input',
          cause,
        });
      });
      return reading;
    };
    // The calls run together, as tRPC runs a batch's; each answer (or error) in the request's order.
    const outcomes = await Promise.all(
      procedures.map(async (procedure, index): Promise<Outcome> => {
        const path = paths[index] as string;
        try {
          if (ctxError !== undefined) throw ctxError;
          const getRawInput = async () => {
            inputs = await read();
            return inputs[index];
          };
          const data = await procedure({ path, getRawInput, ctx, type, signal: NO_ABORT, batchIndex: index });
          // Promises or async iterables in an answer need a streaming link: refused, as tRPC refuses them (JSON would
          // write each as {}); a lone call's refusal is the whole request's there, its shape naming no path nor input.
          if (isDataStream(data)) return { error: streamRefusal(), ofRequest: !batch };
          return { data };
        } catch (cause) {
          return { error: getTRPCErrorFromUnknown(cause) };
        }
      }),
    );
    const items = outcomes.map(({ error, data, ofRequest }, index) => {
      if (!error) return { result: { data } };
      const path = ofRequest ? undefined : (paths[index] as string);
      const input = ofRequest ? undefined : inputs?.[index];
      return { error: getErrorShape({ config, ctx, error, input, path, type }) };
    });
    const status = getHTTPStatusCode(items as never, outcomes.map((o) => o.error) as never);
    const json = transformTRPCResponse(config, (batch ? items : items[0]) as never);
    if (res.destroyed) return;
    const body = JSON.stringify(json);
    res.statusCode = status;
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    res.end(body);
  }
}

/** A call's answer, or its error (`ofRequest`: answered as the whole request's, as tRPC does). */
interface Outcome {
  readonly data?: unknown;
  readonly error?: TRPCError;
  readonly ofRequest?: boolean;
}

const streamRefusal = () =>
  new TRPCError({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });

/** What tRPC counts as a stream (its own `isDataStream`, not exported, from the helpers it exports): an async
 *  iterable, or an object with a promise or an async iterable among its values. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromise) || values.some(isAsyncIterable);
}

type Procedure = ((opts: {
  path: string;
  getRawInput: () => Promise<unknown>;
  ctx: unknown;
  type: CallType;
  signal: AbortSignal;
  batchIndex: number;
}) => Promise<unknown>) & { _def: { type: string } };
