// Drives the command mix through the real API at a target rate (open loop) or as fast as a fixed number of
// workers can (closed loop): a message arrives by the HTTP intake, then the curator triages and routes it, the
// executor drafts, the curator approves and the executor publishes — each step one `cases.command` over tRPC.
// Every organisation cycles through the six kinds in turn, taking the oldest open case waiting for that step, so
// the mix stays one intake to five workflow commands; when no case waits for a step, a new message arrives instead.
import { Agent, request } from 'node:http';
import { createCorpus } from './corpus';
import type { FilledOrg, OpenCase } from './fill';
import { STAGES, STEP_ROLE, STEPS, type StepName, stepCommand } from './lifecycle';
import { type LatencySummary, Samples } from './stats';

export type CommandKind = 'intake' | StepName;
export const COMMAND_KINDS: readonly CommandKind[] = ['intake', ...STEPS];

export interface DriverOptions {
  readonly url: string;
  readonly orgs: readonly FilledOrg[];
  /** Commands per second in all; null: closed loop, as fast as `concurrency` workers go. */
  readonly rate: number | null;
  /** Most commands in flight at once (the open loop counts what it could not send). */
  readonly concurrency: number;
  readonly durationMs: number;
  readonly seed: number;
  /** Distinguishes this run's external ids from earlier runs on the same database. */
  readonly runTag: string;
}

export interface DriverResult {
  readonly elapsedMs: number;
  readonly completed: number;
  /** Open loop: commands due while `concurrency` were already in flight (the server fell behind). */
  readonly notSent: number;
  readonly latency: Record<CommandKind, LatencySummary>;
  /** Every command of every type together. */
  readonly overall: LatencySummary;
  readonly errors: { kind: CommandKind; code: string; message: string; count: number }[];
  /** Version conflicts (the scheduler recorded a clock in between): the step is retried, not lost. */
  readonly conflicts: number;
}

class Queue<T> {
  private items: T[] = [];
  private head = 0;
  push(x: T): void {
    this.items.push(x);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
}

interface OrgState {
  readonly org: FilledOrg;
  readonly waiting: Map<string, Queue<OpenCase>>;
  slot: number;
  nextExecutor: number;
}

class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly currentVersion: number | null,
  ) {
    super(message);
  }
}

/** One request on a kept-alive connection: node:http costs the driver about a third of the CPU of `fetch` (undici)
 *  a command, CPU the server and PostgreSQL share on the same machine. */
function post(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const payload = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(payload.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function call(agent: Agent, url: URL, headers: Record<string, string>, requestBody: string): Promise<unknown> {
  const res = await post(agent, url, headers, requestBody);
  const ok = res.status >= 200 && res.status < 300;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    throw new CommandError(`HTTP ${res.status}`, res.text.slice(0, 200), null);
  }
  if (!ok) {
    const error = (body as { error?: { message?: string; data?: { appCode?: string | null; details?: unknown } } })
      .error;
    const details = error?.data?.details as { currentVersion?: number } | null | undefined;
    throw new CommandError(
      error?.data?.appCode ?? `HTTP ${res.status}`,
      error?.message ?? (body as { message?: string }).message ?? res.text.slice(0, 200),
      typeof details?.currentVersion === 'number' ? details.currentVersion : null,
    );
  }
  return body;
}

export async function driveCommands(options: DriverOptions): Promise<DriverResult> {
  const corpus = createCorpus(options.seed);
  const samples = new Map<CommandKind, Samples>(COMMAND_KINDS.map((k) => [k, new Samples()]));
  const overall = new Samples();
  const errors = new Map<string, { kind: CommandKind; code: string; message: string; count: number }>();
  let conflicts = 0;
  let intakes = 0;
  const states: OrgState[] = options.orgs.map((org) => {
    const waiting = new Map<string, Queue<OpenCase>>(STAGES.map((s) => [s, new Queue<OpenCase>()]));
    for (const c of org.openCases) waiting.get(c.stage)?.push(c);
    return { org, waiting, slot: 0, nextExecutor: 0 };
  });
  let nextOrg = 0;
  // One connection per command in flight, kept between commands (as a browser keeps its connection).
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const intakeUrl = new URL(`${options.url}/api/intake`);
  const commandUrl = new URL(`${options.url}/trpc/cases.command`);
  const origin = new URL(options.url).origin;

  const intake = async (state: OrgState): Promise<void> => {
    const message = corpus.message();
    const n = ++intakes;
    const executor = state.org.executors[state.nextExecutor++ % state.org.executors.length]!;
    const body = (await call(
      agent,
      intakeUrl,
      { 'content-type': 'application/json', authorization: `Bearer ${state.org.apiKey}` },
      JSON.stringify({
        network: message.network,
        externalId: `load-${options.runTag}-${n}`,
        url: `https://vk.com/wall-2_${options.runTag}_${n}`,
        author: message.author,
        text: message.text,
        visibility: 'public',
      }),
    )) as { caseId: string };
    state.waiting.get('registered')?.push({
      id: body.caseId,
      version: 1,
      stage: 'registered',
      message,
      assignee: { departmentId: executor.departmentId, executorId: executor.id },
    });
  };

  const step = async (state: OrgState, name: StepName, c: OpenCase): Promise<void> => {
    const member =
      STEP_ROLE[name] === 'curator'
        ? state.org.curator
        : state.org.executors.find((e) => e.id === c.assignee.executorId);
    if (!member) throw new CommandError('HARNESS', `no executor ${c.assignee.executorId}`, null);
    try {
      const body = (await call(
        agent,
        commandUrl,
        // A session cookie acts only from the application's own origin (the server refuses it otherwise).
        { 'content-type': 'application/json', cookie: member.cookie, origin },
        JSON.stringify({
          caseId: c.id,
          expectedVersion: c.version,
          command: stepCommand(name, c.message, c.assignee),
        }),
      )) as { result: { data: { version: number } } };
      c.version = body.result.data.version;
      const next = STAGES[STAGES.indexOf(c.stage) + 1];
      if (next) {
        c.stage = next;
        state.waiting.get(next)?.push(c);
      }
    } catch (error) {
      // Someone (the scheduler) changed the case first: take the new version and try the step again later.
      if (error instanceof CommandError && error.code === 'CONFLICT' && error.currentVersion !== null) {
        conflicts++;
        c.version = error.currentVersion;
        state.waiting.get(c.stage)?.push(c);
        return;
      }
      throw error;
    }
  };

  /** The next command of the next organisation, as a thunk that runs it and records its latency. */
  const nextCommand = (): (() => Promise<void>) => {
    const state = states[nextOrg++ % states.length]!;
    const slot = state.slot++ % COMMAND_KINDS.length;
    let kind: CommandKind = 'intake';
    let c: OpenCase | undefined;
    if (slot > 0) {
      c = state.waiting.get(STAGES[slot - 1]!)?.shift();
      if (c) kind = STEPS[slot - 1]!;
    }
    return async () => {
      const started = performance.now();
      try {
        if (kind === 'intake' || !c) await intake(state);
        else await step(state, kind, c);
        const took = performance.now() - started;
        samples.get(kind)?.add(took);
        overall.add(took);
      } catch (error) {
        const code = error instanceof CommandError ? error.code : 'NETWORK';
        const message = error instanceof Error ? error.message : String(error);
        const key = `${kind} ${code}`;
        const e = errors.get(key) ?? { kind, code, message, count: 0 };
        e.count++;
        errors.set(key, e);
      }
    };
  };

  const started = performance.now();
  const deadline = started + options.durationMs;
  let notSent = 0;
  const inflight = new Set<Promise<void>>();
  const launch = () => {
    const p = nextCommand()();
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };

  if (options.rate === null) {
    const worker = async () => {
      while (performance.now() < deadline) await nextCommand()();
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } else {
    let issued = 0;
    for (let now = performance.now(); now < deadline; now = performance.now()) {
      const due = Math.floor(((now - started) / 1000) * options.rate);
      for (; issued < due; issued++) {
        if (inflight.size < options.concurrency) launch();
        else notSent++;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    // Commands in flight at the end still count; a server that hangs is cut off after a minute.
    await Promise.race([Promise.all([...inflight]), new Promise((r) => setTimeout(r, 60_000))]);
  }
  const elapsedMs = performance.now() - started;
  agent.destroy();
  const latency = Object.fromEntries([...samples].map(([k, s]) => [k, s.summary()])) as Record<
    CommandKind,
    LatencySummary
  >;
  return {
    elapsedMs,
    completed: [...samples.values()].reduce((n, s) => n + s.count, 0),
    notSent,
    latency,
    overall: overall.summary(),
    errors: [...errors.values()],
    conflicts,
  };
}
