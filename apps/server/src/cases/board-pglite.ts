// The board snapshot's one statement on the embedded database (PGlite), read as bytes. PGlite's own reading decodes
// every text of a result into a JavaScript string, and the route then encodes the page's 14.5 MB back into UTF-8
// bytes: here the statement's answer is read from PGlite's protocol output as it is, each cell a view of its bytes
// (not decoded), as postgres.js's `.raw()` gives them on a server. The statement runs in its own
// transaction with a larger `work_mem`: the page's ordered `string_agg` sorts ~15 MB of text, which the default 4 MB
// spills to PGlite's in-memory files (the sort then cost more than building the rows). BENCHMARKS.md note 21.
import { type PGlite, protocol } from '@electric-sql/pglite';
import { exclusively, protocolValues } from '../db/pglite-statements';

/** Memory a sort of this statement may use before it spills (one statement at a time runs in PGlite). */
const SNAPSHOT_WORK_MEM = '64MB';

const { serialize } = protocol;

/** The first row's cells of PGlite's protocol output `bytes`: each a view of its bytes, null for SQL null. An
 *  error response is thrown as PGlite's own query would throw it. */
function firstRowCells(bytes: Uint8Array): (Buffer | null)[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let cells: (Buffer | null)[] | null = null;
  for (let at = 0; at + 5 <= view.length; ) {
    const type = view[at] as number;
    const end = at + 1 + view.readUInt32BE(at + 1);
    if (type === 0x45 /* E: error */) {
      let error: unknown = new Error('the board snapshot failed');
      new protocol.Parser().parse(view.subarray(at, end), (message) => {
        error = message;
      });
      throw error;
    }
    if (type === 0x44 /* D: data row */ && !cells) {
      const count = view.readUInt16BE(at + 5);
      cells = [];
      let field = at + 7;
      for (let i = 0; i < count; i++) {
        const length = view.readInt32BE(field);
        field += 4;
        if (length < 0) {
          cells.push(null);
        } else {
          cells.push(view.subarray(field, field + length));
          field += length;
        }
      }
    }
    at = end;
  }
  return cells ?? [];
}

/** The one row of the snapshot's statement (`text` with `params`), its cells as bytes. */
export async function pgliteSnapshotRow(pg: PGlite, text: string, params: readonly unknown[]) {
  return exclusively(pg, async () => {
    // Its parameters' types, as PostgreSQL infers them: each value is written in its type's text form.
    const described = await pg
      .execProtocolStream(
        Buffer.concat([
          serialize.query(`begin; set local work_mem = '${SNAPSHOT_WORK_MEM}'`),
          serialize.parse({ name: '', text }),
          serialize.describe({ type: 'S', name: '' }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      )
      .catch(async (error: unknown) => {
        await pg.execProtocolRaw(serialize.query('rollback'), { syncToFs: false });
        throw error;
      });
    const types =
      (described.find((m) => m.name === 'parameterDescription') as { dataTypeIDs?: number[] } | undefined)
        ?.dataTypeIDs ?? [];
    const values = protocolValues(pg, types, params);
    // Executed and the transaction ended in one exchange (a failed statement's `commit` rolls back). The output
    // is taken as it comes (`execProtocolRaw` would also parse it, decoding every text).
    const chunks: Buffer[] = [];
    await pg.execProtocolRawStream(
      Buffer.concat([
        serialize.bind({ statement: '', values }),
        serialize.execute({}),
        serialize.sync(),
        serialize.query('commit'),
      ]),
      {
        syncToFs: false,
        // A view of PGlite's memory, reused for the next chunk: copied.
        onRawData: (chunk) => {
          chunks.push(Buffer.from(chunk));
        },
      },
    );
    return firstRowCells(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
  });
}
