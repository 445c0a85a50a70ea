// Guards the embedded database's data directory: one process at a time, because two PGlite instances writing
// the same files corrupt them. The lock file holds the owner's pid; a lock left by a dead process is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE_NAME = 'otklik.lock';

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `Каталог данных ${dataDir} уже используется другим процессом Otklik (pid ${holder.pid} на ${holder.hostname}, ` +
        `запущен ${holder.startedAt}). Остановите его или укажите другой OTKLIK_DATA_DIR.\n` +
        `The data directory ${dataDir} is in use by another Otklik process (pid ${holder.pid}); ` +
        'stop it or set another OTKLIK_DATA_DIR.',
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
    return { pid: parsed.pid, hostname: parsed.hostname ?? '?', startedAt: parsed.startedAt ?? '?' };
  } catch {
    return null;
  }
}

/** Takes the lock on `dataDir` (created if missing) or throws DataDirLockedError. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' fails when the file exists: creation is the atomic test-and-set.
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          const current = readLock(path);
          if (current?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(path);
    // A lock from another host cannot be checked for liveness: respect it. An unreadable lock (a crash while
    // writing it) or one whose process is gone on this host is stale.
    const stale = holder === null || (holder.hostname === info.hostname && !isAlive(holder.pid));
    if (!stale) throw new DataDirLockedError(dir, holder);
    rmSync(path, { force: true });
  }
  throw new Error(`Не удалось захватить блокировку ${path} / could not take the data directory lock`);
}
