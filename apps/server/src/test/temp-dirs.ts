// Temporary folders a test file makes (data directories, backups, copies of the migrations): each is removed after
// the tests of the block that made it, so neither a passing nor a failing run leaves one behind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * Call in a file or a `describe`: returns a maker of new empty folders named `<prefix><name>-…` (`name` optional).
 * `removeAfter: 'each'` removes them after every test instead of after the block.
 */
export function tempDirs(prefix: string, options: { removeAfter?: 'each' | 'all' } = {}): (name?: string) => string {
  const dirs: string[] = [];
  (options.removeAfter === 'each' ? afterEach : afterAll)(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (name) => {
    const dir = mkdtempSync(join(tmpdir(), name ? `${prefix}${name}-` : prefix));
    dirs.push(dir);
    return dir;
  };
}

/**
 * A data directory for CLI commands run inside the test process: `use()` points OTKLIK_DATA_DIR at it; after the
 * block the variable is put back as it was (unset if it was) and the folder removed. `root` holds other files.
 */
export function cliDataDir(prefix: string): { readonly root: string; readonly dataDir: string; use(): void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const previous = process.env.OTKLIK_DATA_DIR;
  afterAll(() => {
    if (previous === undefined) delete process.env.OTKLIK_DATA_DIR;
    else process.env.OTKLIK_DATA_DIR = previous;
    rmSync(root, { recursive: true, force: true });
  });
  const dataDir = join(root, 'data');
  return {
    root,
    dataDir,
    use() {
      process.env.OTKLIK_DATA_DIR = dataDir;
    },
  };
}

/**
 * A stand-in for the built web app, for a server's `webDistDir`: `index.html` titled `title` and one script,
 * `assets/app.js`, in a folder named `<prefix>…` removed after the block.
 */
export function fakeWebDist(prefix: string, title: string): string {
  const dist = tempDirs(prefix)();
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>${title}</title>`);
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  return dist;
}
