// How tests start `otklik`: the compiled CLI (`node apps/server/dist/otklik.mjs`, what a production install runs)
// when `pnpm build` left it built from the sources as they are now — CI builds before it tests, and the build's hash
// of its sources tells — otherwise the TypeScript sources through tsx (1–2 s more start-up per process, several
// seconds more on a busy machine). The code is the same either way; the README's own `pnpm --silent otklik` is
// covered by tests/cli (`runCliAsReadme`), the built server's deployment by tests/deploy.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

let builtIsCurrent: boolean | undefined;

/** Whether apps/server/dist was built from the sources as they are now (asked once per test file). */
export function builtCliIsCurrent(): boolean {
  builtIsCurrent ??=
    process.env.OTKLIK_TEST_FROM_SOURCES !== '1' &&
    spawnSync(process.execPath, [join(repoRoot, 'apps/server/scripts/build.mjs'), '--check'], { cwd: repoRoot })
      .status === 0;
  return builtIsCurrent;
}

/** The arguments of `node` that run `otklik` (then its own arguments follow). */
export function otklikNodeArgs(): string[] {
  return builtCliIsCurrent()
    ? [join(repoRoot, 'apps/server/dist/otklik.mjs')]
    : ['--import', 'tsx', join(repoRoot, 'apps/server/src/cli/main.ts')];
}
