// /livez (the process answers), /readyz (ready for traffic: database, migrations, scheduler and broadcast channel all
// up) and /healthz (the same as /readyz, with the version and the database latency, as before). Each check has its own
// short timeout, so a frozen database makes the node say "unhealthy" at once instead of hanging.
import type { ServerResponse } from 'node:http';
import { sql } from 'drizzle-orm';
import type { ServerDeps } from '../deps';
import { isDatabaseUnavailable } from '../errors/client-error';
import { SERVER_VERSION } from '../version';
import { sendJson } from './respond';

/** The database check's own bound (it never waits for the request timeout). */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

async function probeDatabase(deps: ServerDeps): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      deps.db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`)),
          HEALTH_CHECK_TIMEOUT_MS,
        );
        timer.unref();
      }),
    ]);
    const latencyMs = Math.round(performance.now() - started);
    deps.health.report('database', true, `${deps.database.kind}, ${latencyMs} ms`);
    return { ok: true, latencyMs };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // Not the driver's full text: it can carry host names and SQL.
    const said = isDatabaseUnavailable(error) || /no answer/.test(message) ? message.slice(0, 200) : 'query failed';
    deps.health.report('database', false, said);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: said };
  } finally {
    clearTimeout(timer);
  }
}

async function readiness(deps: ServerDeps) {
  const database = await probeDatabase(deps);
  const subsystems = deps.health.snapshot();
  const ok = Object.values(subsystems).every((s) => s?.ok);
  return { ok: ok && database.ok, database, subsystems };
}

export async function handleReadyz(deps: ServerDeps, res: ServerResponse) {
  const r = await readiness(deps);
  sendJson(res, r.ok ? 200 : 503, { status: r.ok ? 'ok' : 'unavailable', checks: r.subsystems, time: deps.now() });
}

export async function handleHealthz(deps: ServerDeps, res: ServerResponse) {
  const r = await readiness(deps);
  sendJson(res, r.ok ? 200 : 503, {
    status: r.ok ? 'ok' : 'error',
    version: SERVER_VERSION,
    database: { kind: deps.database.kind, ...r.database },
    checks: r.subsystems,
    time: deps.now(),
  });
}

export function handleLivez(deps: ServerDeps, res: ServerResponse) {
  sendJson(res, 200, { status: 'ok', version: SERVER_VERSION, time: deps.now() });
}
