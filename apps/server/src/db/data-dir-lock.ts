// Guards the embedded database's data directory: one process at a time, because two PGlite instances writing
// the same files corrupt them. The lock file holds the owner's pid and what makes that pid unambiguous: the machine's
// boot id, the process's start time (Linux /proc) and a random token. A lock left by a dead process is taken over —
// also when its pid now belongs to another process (PID 1 of every container start, issue 11 item 5).
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { say } from '../cli/messages';

export const LOCK_FILE_NAME = 'otklik.lock';

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** /proc/sys/kernel/random/boot_id when readable: a lock from before a reboot is stale. */
  bootId?: string | null;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22): tells a reused pid apart. */
  processStart?: string | null;
  /** Random, so that only the owner removes the lock. */
  token?: string;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may contain spaces). */
export function processStartOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      say('db.data-dir-locked', {
        dataDir,
        pid: holder.pid,
        hostname: holder.hostname,
        startedAt: holder.startedAt,
      }),
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      hostname: parsed.hostname ?? '?',
      startedAt: parsed.startedAt ?? '?',
      bootId: parsed.bootId ?? null,
      processStart: parsed.processStart ?? null,
      token: parsed.token,
    };
  } catch {
    return null;
  }
}

/** Tokens of the locks this process holds now (a second opener in the same process must still be refused). */
const heldHere = new Set<string>();

/** Whether the process that wrote the lock (on this host) still runs. */
function holderAlive(holder: LockInfo): boolean {
  // Our own pid in the lock: either this process holds it, or a previous process had the same pid (PID 1 of a
  // container started again) and is gone.
  if (holder.pid === process.pid) return holder.token !== undefined && heldHere.has(holder.token);
  if (!isAlive(holder.pid)) return false;
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return false;
  const start = processStartOf(holder.pid);
  if (holder.processStart && start && holder.processStart !== start) return false;
  return true;
}

/** Takes the lock on `dataDir` (created if missing) or throws DataDirLockedError. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    bootId: bootId(),
    processStart: processStartOf(process.pid),
    token: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' fails when the file exists: creation is the atomic test-and-set.
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      heldHere.add(info.token!);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          heldHere.delete(info.token!);
          const current = readLock(path);
          if (current?.token === info.token) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(path);
    // A lock from another host cannot be checked for liveness: respect it. An unreadable lock (a crash while
    // writing it) or one whose process is gone on this host is stale.
    const stale = holder === null || (holder.hostname === info.hostname && !holderAlive(holder));
    if (!stale) throw new DataDirLockedError(dir, holder);
    rmSync(path, { force: true });
  }
  throw new Error(say('db.lock-failed', { path }));
}
