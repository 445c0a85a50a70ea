// GET /healthz: is the database reachable, which one, and which version of the server runs.
import type { ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import type { ServerDeps } from '../deps';
import { SERVER_VERSION } from '../version';
import { sendJson } from './respond';

export async function handleHealthz(deps: ServerDeps, res: ServerResponse) {
  const started = performance.now();
  try {
    await deps.db.execute(sql`select 1`);
    sendJson(res, 200, {
      status: 'ok',
      version: SERVER_VERSION,
      database: { kind: deps.database.kind, ok: true, latencyMs: Math.round(performance.now() - started) },
      time: deps.now(),
    });
  } catch (error) {
    sendJson(res, 503, {
      status: 'error',
      version: SERVER_VERSION,
      database: { kind: deps.database.kind, ok: false, error: error instanceof Error ? error.message : String(error) },
      time: deps.now(),
    });
  }
}
