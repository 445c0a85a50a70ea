// The server for the browser tests, in its own process: the same HTTP server, realtime services and demo directory
// as `otklik serve`, on a given port and data directory; prints one JSON line when ready, stops on SIGTERM.
// (It calls startRealtimeNode because `otklik serve` does not attach the realtime services yet.)
import { seedDemoIfEmpty } from '../../../apps/server/src/demo/seed';
import { startRealtimeNode } from '../../../apps/server/src/realtime/node';

const env = process.env;
const node = await startRealtimeNode({
  target: { kind: 'pglite', dataDir: env.OTKLIK_DATA_DIR ?? '' },
  port: Number(env.PORT),
  host: '127.0.0.1',
  webDistDir: env.WEB_DIST,
  timeIntervalMs: 5000,
  scheduler: { pollMs: 1000 },
  beforeListen: async (deps) => {
    await seedDemoIfEmpty(deps, { log: () => {} });
  },
});
process.stdout.write(`${JSON.stringify({ url: node.url })}\n`);
let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  node.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
