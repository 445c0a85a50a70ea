// Issue 11 item 5 (first half): the embedded database's data-directory lock refused to start when the pid it recorded
// was alive again as another process — PID 1 at every container start. The lock now records the boot id, the
// process's start time and a token: a reused pid is recognised as stale, while a live owner is still respected.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME, processStartOf } from '../../apps/server/src/db/data-dir-lock';
import { startServer } from '../../apps/server/src/http/server';
import { tempDirs } from '../../apps/server/src/test/temp-dirs';

const tempDir = tempDirs('otklik-lock-');

const bootId = () => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
};

it('starts over a lock left by a process whose pid now belongs to another one (PID 1 in a container)', async () => {
  const dir = tempDir();
  // What a crashed Otklik that ran as PID 1 left: same host and boot, but PID 1 is now a process started at
  // another time (this machine's init, or the new container's first process).
  writeFileSync(
    join(dir, LOCK_FILE_NAME),
    JSON.stringify({
      pid: 1,
      hostname: hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      bootId: bootId(),
      processStart: '1',
      token: 'left-by-a-crash',
    }),
  );
  const server = await startServer({ target: { kind: 'pglite', dataDir: dir }, webDistDir: '/nonexistent' });
  try {
    expect((await fetch(`${server.url}/livez`)).status).toBe(200);
  } finally {
    await server.close();
  }
});

it('still refuses a directory whose owner is alive', async () => {
  const dir = tempDir();
  const owner = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({
        pid: owner.pid,
        hostname: hostname(),
        startedAt: new Date().toISOString(),
        bootId: bootId(),
        processStart: processStartOf(owner.pid!),
        token: 'live-owner',
      }),
    );
    await expect(
      startServer({ target: { kind: 'pglite', dataDir: dir }, webDistDir: '/nonexistent' }),
    ).rejects.toBeInstanceOf(DataDirLockedError);
  } finally {
    owner.kill();
  }
});
