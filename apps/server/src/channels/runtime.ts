// The channel machinery of one server node: collector loops and the publication outbox worker, started by
// `otklik serve` (and the tests) and stopped with the node. Services elsewhere nudge them through deps.
import type { ServerDeps } from '../deps';
import { type CollectorOptions, startCollectors } from './collector';
import { startOutboxWorker } from './publication';

export interface ChannelRuntime {
  stop(): Promise<void>;
}

const nudges = new WeakMap<ServerDeps, { scan(): void; kick(): void }>();

/** After an admin change: look for accounts to collect now. */
export function nudgeCollectors(deps: ServerDeps): void {
  nudges.get(deps)?.scan();
}

/** After a publication request: try to post now, not at the next poll. */
export function nudgeOutbox(deps: ServerDeps): void {
  nudges.get(deps)?.kick();
}

export interface ChannelRuntimeOptions extends CollectorOptions {
  readonly outboxPollMs?: number;
}

export function startChannelRuntime(deps: ServerDeps, options: ChannelRuntimeOptions = {}): ChannelRuntime {
  const collectors = startCollectors(deps, options);
  const outbox = startOutboxWorker(deps, options.outboxPollMs !== undefined ? { pollMs: options.outboxPollMs } : {});
  nudges.set(deps, {
    scan: () => {
      collectors.scan().catch(() => {});
    },
    kick: () => outbox.kick(),
  });
  return {
    async stop() {
      nudges.delete(deps);
      await Promise.all([collectors.stop(), outbox.stop()]);
    },
  };
}
