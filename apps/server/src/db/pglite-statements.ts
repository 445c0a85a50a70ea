// The embedded database's client for drizzle: PGlite's own `query` parses and plans every statement again (an
// unnamed statement each time, in six calls into its WebAssembly) and copies its whole table of ~600 type parsers
// for every result. Here a statement sent a second time is kept prepared under a name, as postgres.js does on a
// server: later runs are one call (bind, describe, execute, sync), and PostgreSQL plans them once it finds a
// generic plan as good as the custom ones. Measured in BENCHMARKS.md note 16.
import {
  type messages,
  type PGlite,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';

/** What drizzle's PGlite session calls on its client: `query`, and `transaction` whose callback gets the same. */
export interface PgliteQueryClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
}

interface Prepared {
  readonly name: string;
  /** The parameters' type oids, as PostgreSQL inferred them (each value is serialised for its type). */
  readonly paramTypes: readonly number[];
}

type BackendMessage = messages.BackendMessage;
type Parser = (value: string, type: number) => unknown;

/** Prepared statements kept at most (the least recently used is closed): each holds its plan in PGlite's memory. */
export const PREPARED_LIMIT = 200;
/** Texts remembered as seen once: a statement is prepared on its second run, so one-off texts (a list of n
 *  values, a batch of n rows) never take a place among the prepared. */
const SEEN_LIMIT = 2000;

const { serialize } = protocol;

/** The query and parameters on the error, as PGlite's own `query` leaves them (logs show them). */
function withQuery(error: unknown, text: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error && typeof error === 'object' && 'code' in error)
    Object.assign(error, { query: text, params, queryOptions: options });
  return error;
}

/** The statement's result, read as PGlite's `query` reads it (the first result set), with each field's parser
 *  looked up once per result instead of a merged copy of every parser. */
function readResult<T>(messages: readonly BackendMessage[], defaults: PGlite['parsers'], options?: QueryOptions) {
  const overrides = options?.parsers;
  let fields: { name: string; dataTypeID: number }[] = [];
  let parsers: Parser[] = [];
  const rows: unknown[] = [];
  const value = (text: string | null, i: number) =>
    text === null ? null : (parsers[i] as Parser)(text, (fields[i] as { dataTypeID: number }).dataTypeID);
  for (const message of messages) {
    if (message.name === 'rowDescription') {
      fields = (message as messages.RowDescriptionMessage).fields.map((f) => ({
        name: f.name,
        dataTypeID: f.dataTypeID,
      }));
      parsers = fields.map((f) => overrides?.[f.dataTypeID] ?? defaults[f.dataTypeID] ?? ((text: string) => text));
    } else if (message.name === 'dataRow') {
      const texts = (message as messages.DataRowMessage).fields;
      if (options?.rowMode === 'array') {
        rows.push(texts.map(value));
      } else {
        const row: Record<string, unknown> = {};
        texts.forEach((text, i) => {
          row[(fields[i] as { name: string }).name] = value(text, i);
        });
        rows.push(row);
      }
    } else if (message.name === 'commandComplete') {
      const words = (message as messages.CommandCompleteMessage).text.split(' ');
      const count = Number.parseInt(words.at(-1) ?? '', 10);
      const command = words[0];
      const counted = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
      return {
        rows,
        fields,
        command,
        affectedRows: counted ? count : 0,
        ...(Number.isNaN(count) ? {} : { rowCount: count }),
      } as Results<T>;
    }
  }
  return { rows, fields, affectedRows: 0 } as Results<T>;
}

/** Each parameter in its type's text form (the serializer of the type PostgreSQL inferred for it), null as null. */
export function protocolValues(
  pg: PGlite,
  types: readonly number[],
  params: readonly unknown[],
  serializers?: QueryOptions['serializers'],
): (string | null)[] {
  return params.map((param, i) => {
    if (param === null || param === undefined) return null;
    const type = types[i] as number;
    const serializer = serializers?.[type] ?? pg.serializers[type];
    return serializer ? serializer(param) : String(param);
  });
}

/** Runs `work` alone on PGlite's one connection, as its own query does: no other query or transaction interleaves. */
export async function exclusively<T>(pg: PGlite, work: () => Promise<T>): Promise<T> {
  await pg._checkReady();
  return pg._runExclusiveTransaction(() => pg._runExclusiveQuery(work));
}

/**
 * drizzle's client for a PGlite database, with the statements it sends more than once kept prepared. Queries take
 * PGlite's own locks (one statement at a time; none beside an open transaction), so drizzle, migrations and raw
 * queries on the same PGlite still take turns. A statement whose plan a schema change made stale (PostgreSQL:
 * "cached plan must not change result type") is forgotten and, outside a transaction, run again.
 */
export function pgliteWithStatements(pg: PGlite, limit = PREPARED_LIMIT): PgliteQueryClient {
  const prepared = new Map<string, Prepared>();
  const seen = new Map<string, true>();
  let counter = 0;
  /** Statement names to close with the next message (evicted, or made stale). */
  let toClose: string[] = [];

  const exchange = async (parts: Uint8Array[], text: string, params: unknown[], options?: QueryOptions) => {
    const closing = toClose.map((name) => serialize.close({ type: 'S', name }));
    toClose = [];
    try {
      return await pg.execProtocolStream(Buffer.concat([...closing, ...parts]), {
        syncToFs: false,
        onNotice: options?.onNotice,
      });
    } catch (error) {
      throw withQuery(error, text, params, options);
    }
  };

  const remember = (text: string): boolean => {
    if (seen.delete(text)) return true;
    seen.set(text, true);
    if (seen.size > SEEN_LIMIT) seen.delete(seen.keys().next().value as string);
    return false;
  };

  const prepare = async (text: string, params: unknown[], options?: QueryOptions): Promise<Prepared | null> => {
    const known = prepared.get(text);
    if (known) {
      // Most recently used last: the first is the one to close when the map is full.
      prepared.delete(text);
      prepared.set(text, known);
      return known;
    }
    const name = remember(text) ? `otklik_${++counter}` : '';
    const described = await exchange(
      [
        serialize.parse({ name, text, types: options?.paramTypes }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ],
      text,
      params,
      options,
    );
    const description = described.find((m) => m.name === 'parameterDescription') as
      | messages.ParameterDescriptionMessage
      | undefined;
    const statement = { name, paramTypes: description?.dataTypeIDs ?? [] };
    if (!name) return statement;
    prepared.set(text, statement);
    if (prepared.size > limit) {
      const [oldest, evicted] = prepared.entries().next().value as [string, Prepared];
      prepared.delete(oldest);
      toClose.push(evicted.name);
    }
    return statement;
  };

  const runOnce = async <T>(text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    const statement = (await prepare(text, params, options)) as Prepared;
    const values = protocolValues(pg, statement.paramTypes, params, options?.serializers);
    const messages = await exchange(
      [
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ],
      text,
      params,
      options,
    );
    return readResult<T>(messages, pg.parsers, options);
  };

  const isStalePlan = (error: unknown) =>
    (error as { code?: unknown }).code === '0A000' && /cached plan/.test(String((error as Error).message));

  const forget = (text: string) => {
    const statement = prepared.get(text);
    if (!statement) return;
    prepared.delete(text);
    toClose.push(statement.name);
  };

  const run = async <T>(
    text: string,
    params: unknown[] = [],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> => {
    try {
      return await runOnce<T>(text, params, options);
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      forget(text);
      if (inTransaction) throw error;
      return runOnce<T>(text, params, options);
    }
  };

  return {
    async query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
      // Files in and out (COPY … '/dev/blob') are PGlite's own business.
      if (options?.blob) return pg.query<T>(text, params, options);
      return exclusively(pg, async () => {
        const result = await run<T>(text, params, options, false);
        await pg.syncToFs();
        return result;
      });
    },
    transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      return pg.transaction((tx) =>
        callback({
          ...tx,
          async query<R>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<R>> {
            if (tx.closed) throw new Error('Transaction is closed');
            if (options?.blob) return tx.query<R>(text, params, options);
            return pg._runExclusiveQuery(() => run<R>(text, params, options, true));
          },
          // `closed` is a getter of PGlite's transaction: a spread would copy its value once.
          get closed() {
            return tx.closed;
          },
        }),
      );
    },
  };
}
