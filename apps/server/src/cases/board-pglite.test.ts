import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteSnapshotRow } from './board-pglite';

describe('the snapshot statement read from PGlite as bytes', () => {
  const pg = new PGlite();
  afterAll(() => pg.close());

  it('gives each cell as its UTF-8 bytes, null for null, with the parameters in their types', async () => {
    const cells = await pgliteSnapshotRow(
      pg,
      `select $1::text || ' — ' || $2::int as a, null::text as b, ($3::jsonb ->> 'k') as c,
        current_setting('work_mem') as w`,
      ['Иванова', 7, JSON.stringify({ k: 'ключ' })],
    );
    expect(cells.map((c) => c?.toString() ?? null)).toEqual(['Иванова — 7', null, 'ключ', '64MB']);
    // The larger work_mem was the statement's own transaction's.
    expect((await pg.query<{ w: string }>(`select current_setting('work_mem') as w`)).rows[0]?.w).toBe('4MB');
  });

  it("throws PostgreSQL's error and leaves no transaction open", async () => {
    await expect(pgliteSnapshotRow(pg, 'select 1 / $1::int', [0])).rejects.toMatchObject({ code: '22012' });
    await expect(pgliteSnapshotRow(pg, 'select nosuchcolumn from pg_class', [])).rejects.toMatchObject({
      code: '42703',
    });
    expect(pg.isInTransaction()).toBe(false);
    const cells = await pgliteSnapshotRow(pg, 'select $1::text', ['дальше']);
    expect(cells[0]?.toString()).toBe('дальше');
  });
});
