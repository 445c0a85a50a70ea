// Prometheus metrics of one server node (prom-client), served at /metrics (http/metrics-route.ts):
// - otklik_commands_total / otklik_command_duration_seconds{command,outcome}: case commands by type;
// - otklik_open_cases{organisation,status}, otklik_open_clocks{organisation,status}: read from the database at
//   each scrape (every node reports the same installation-wide figures; aggregate them with max, not sum);
// - otklik_clock_breaches_recorded_total, otklik_clock_at_risk_recorded_total: recorded by this node;
// - otklik_scheduler_lag_seconds: how far the earliest due alarm lies in the past (0 when nothing is overdue),
//   otklik_scheduler_leader: 1 on the node running the deadline scheduler;
// - otklik_socket_connections, otklik_http_request_duration_seconds{route,method,status};
// - otklik_db_query_duration_seconds, otklik_db_queries_in_flight, otklik_db_pool_max_connections;
// - Node's own process metrics (otklik_process_*, otklik_nodejs_*).
import { COMMAND_TYPES } from '@otklik/domain';
import { sql } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/connect';
import { rowsOf } from '../db/driver-values';
import type { EventsBus } from '../events-bus';
import { log } from '../log';
import { dbQueriesInFlight, dbQueryDuration, installDbTiming } from './db-timing';

export type CommandOutcome = 'ok' | 'conflict' | 'refused' | 'error';

export interface ServerMetrics {
  readonly registry: Registry;
  /** Times a case command; the outcome follows from what it returns or throws (see `outcomeOf`). */
  timeCommand<T>(command: unknown, run: () => Promise<T>, outcomeOf: (error: unknown) => CommandOutcome): Promise<T>;
  observeHttp(route: string, method: string, status: number, seconds: number): void;
  /** Counts a command executed outside `timeCommand` (the scheduler's batched clock records). */
  countCommand(command: unknown, outcome: CommandOutcome): void;
  /** Where the live socket count and the scheduler's leadership come from (set by the realtime services). */
  setSources(sources: { sockets?: () => number; schedulerLeader?: () => boolean }): void;
}

const KNOWN_COMMANDS = new Set<string>(COMMAND_TYPES);
const COMMAND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A command type label: known types only, so a client sending made-up types cannot blow up the series count. */
function commandLabel(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' && KNOWN_COMMANDS.has(type) ? type : 'unknown';
}

export function createMetrics(options: { database: Database; now: () => number; bus: EventsBus }): ServerMetrics {
  const { database, now } = options;
  const registry = new Registry();
  installDbTiming();
  registry.registerMetric(dbQueryDuration);
  registry.registerMetric(dbQueriesInFlight);
  collectDefaultMetrics({ register: registry, prefix: 'otklik_' });
  const registers = [registry];
  let sources: { sockets?: () => number; schedulerLeader?: () => boolean } = {};

  const commands = new Counter({
    name: 'otklik_commands_total',
    help: 'Case commands executed on this node, by type and outcome',
    labelNames: ['command', 'outcome'],
    registers,
  });
  const commandDuration = new Histogram({
    name: 'otklik_command_duration_seconds',
    help: 'Latency of case commands (decide, write events and projection, commit), by type and outcome',
    labelNames: ['command', 'outcome'],
    buckets: COMMAND_BUCKETS,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'otklik_http_request_duration_seconds',
    help: 'HTTP requests by route group, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const breaches = new Counter({
    name: 'otklik_clock_breaches_recorded_total',
    help: 'Clock breaches recorded by this node (its scheduler, or commands it executed)',
    registers,
  });
  const atRisk = new Counter({
    name: 'otklik_clock_at_risk_recorded_total',
    help: 'Clocks recorded as at risk by this node',
    registers,
  });
  options.bus.onCommitted((events) => {
    for (const event of events) {
      if (event.type === 'clock-breached') breaches.inc();
      else if (event.type === 'clock-at-risk') atRisk.inc();
    }
  });

  // Read from the database at each scrape: a few grouped queries, whatever the number of cases. A failing
  // database leaves them empty and says so in otklik_metrics_database_up.
  let refresh: () => Promise<boolean> = async () => false;
  new Gauge({
    name: 'otklik_metrics_database_up',
    help: '1 when this scrape could read the case and clock figures from the database, 0 when it could not',
    registers,
    async collect() {
      this.set((await refresh()) ? 1 : 0);
    },
  });
  const fromDatabase = async () => {
    await refresh();
  };
  /** Open cases or clocks counted by organisation and status, set by readDatabase. */
  const countGauge = (name: string, help: string) =>
    new Gauge({ name, help, labelNames: ['organisation', 'status'], registers, collect: fromDatabase });
  const openCases = countGauge('otklik_open_cases', 'Open cases by organisation (slug) and status');
  const openClocks = countGauge(
    'otklik_open_clocks',
    'Running clocks of open cases by organisation and status (on-track, at-risk, breached), as last projected',
  );
  const schedulerLag = new Gauge({
    name: 'otklik_scheduler_lag_seconds',
    help: 'How long ago the earliest alarm not yet processed fell due (0 when none is overdue)',
    registers,
    collect: fromDatabase,
  });
  /** A figure of this node, read at each scrape. */
  const nodeGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  nodeGauge('otklik_scheduler_leader', '1 when this node runs the deadline scheduler', () =>
    sources.schedulerLeader?.() ? 1 : 0,
  );
  nodeGauge(
    'otklik_socket_connections',
    'Live socket.io connections to this node (people and wall displays)',
    () => sources.sockets?.() ?? 0,
  );
  nodeGauge(
    'otklik_db_pool_max_connections',
    'Size of the database connection pool (1 for the embedded database)',
    () => (database.raw.kind === 'postgres' ? (database.raw.client.options.max ?? 10) : 1),
  );

  // One collect for the database figures, run once per scrape by the first of them.
  const readDatabase = async () => {
    const at = new Date(now());
    type Count = { organisation: string; status: string; n: number };
    const [cases, clocks, lag] = await Promise.all([
      database.db.execute(sql`
        select o.slug as organisation, c.status, count(*)::int as n
        from cases c join organisations o on o.id = c.organisation_id
        where c.is_open group by o.slug, c.status`),
      database.db.execute(sql`
        select o.slug as organisation, coalesce(clock->>'status', 'unknown') as status, count(*)::int as n
        from cases c join organisations o on o.id = c.organisation_id
        cross join lateral jsonb_array_elements(c.clocks) as clock
        where c.is_open group by o.slug, 2`),
      database.db.execute(
        sql`select min(fire_at) as earliest from clock_alarms where fire_at <= ${at.toISOString()}::timestamptz`,
      ),
    ]);
    const setCounts = (gauge: typeof openCases, result: unknown) => {
      gauge.reset();
      for (const row of rowsOf<Count>(result)) gauge.set({ organisation: row.organisation, status: row.status }, row.n);
    };
    setCounts(openCases, cases);
    setCounts(openClocks, clocks);
    const earliest = rowsOf<{ earliest: string | Date | null }>(lag)[0]?.earliest;
    schedulerLag.set(earliest ? Math.max(0, (at.getTime() - new Date(earliest).getTime()) / 1000) : 0);
  };
  // The database figures are read once per scrape, whichever of their gauges prom-client collects first.
  let reading: Promise<boolean> | null = null;
  refresh = () => {
    reading ??= readDatabase()
      .then(
        () => true,
        (error: unknown) => {
          log.warn({ err: error }, 'metrics: database figures unavailable');
          openCases.reset();
          openClocks.reset();
          return false;
        },
      )
      .finally(() => {
        reading = null;
      });
    return reading;
  };

  return {
    registry,
    async timeCommand(command, run, outcomeOf) {
      const labels = { command: commandLabel(command) };
      const stop = commandDuration.startTimer(labels);
      try {
        const result = await run();
        stop({ outcome: 'ok' });
        commands.inc({ ...labels, outcome: 'ok' });
        return result;
      } catch (error) {
        const outcome = outcomeOf(error);
        stop({ outcome });
        commands.inc({ ...labels, outcome });
        throw error;
      }
    },
    countCommand(command, outcome) {
      commands.inc({ command: commandLabel(command), outcome });
    },
    observeHttp(route, method, status, seconds) {
      httpDuration.observe({ route, method, status: String(status) }, seconds);
    },
    setSources(next) {
      sources = { ...sources, ...next };
    },
  };
}
