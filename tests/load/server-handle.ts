// The harness's side of the server process (server-process.ts): starts it, waits until it listens, asks it for
// figures over IPC, and stops it — killing it if it does not stop in time, so a run never leaves a server behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerMessage, ServerRequest, ServerStats } from './server-process';

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export interface ServerHandle {
  readonly url: string;
  readonly pid: number;
  stats(): Promise<ServerStats>;
  /** Resolves when the reactions to committed changes (surges, notifications) have run. */
  idle(): Promise<void>;
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  /** Writes the server's heap snapshot to `file` (the server pauses while it does). */
  heapSnapshot(file: string): Promise<void>;
  stop(): Promise<void>;
  /** What the server wrote to stderr (its logs), for a failure message. */
  log(): string;
}

type Request = ServerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function startServerProcess(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerHandle> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  const keep = (d: string) => {
    log = (log + d).slice(-20_000);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`server exited (${code}):\n${log}`));
    pending.clear();
  });
  const request = (message: Request): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!child.connected) {
        reject(new Error(`server is not running:\n${log}`));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...message, id });
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs / 1000} s:\n${log}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${log}`));
    });
    child.on('message', (raw) => {
      const message = raw as ServerMessage;
      if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`server failed to start: ${message.error}\n${log}`));
        return;
      }
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve({
          url: message.url,
          pid: child.pid ?? 0,
          stats: () => request({ type: 'stats' }) as Promise<ServerStats>,
          idle: async () => {
            await request({ type: 'idle' });
          },
          profileStart: async () => {
            await request({ type: 'profile-start' });
          },
          profileStop: async (file) => {
            await request({ type: 'profile-stop', file });
          },
          heapSnapshot: async (file) => {
            await request({ type: 'heap-snapshot', file });
          },
          async stop() {
            if (child.exitCode !== null) return;
            const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
            await request({ type: 'stop' }).catch(() => {});
            await exited;
            clearTimeout(kill);
          },
          log: () => log,
        });
        return;
      }
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (message.error !== undefined) p.reject(new Error(message.error));
      else p.resolve(message.value);
    });
  });
}
