// Files the server reads at run time (SQL migrations, the built web app) and its version, found relative to the code
// that runs: the sources under apps/server/src, or the compiled bundle in apps/server/dist (`pnpm build`), which
// carries its own copies in dist/drizzle and dist/web so a copy of dist/ runs anywhere.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Replaced by esbuild (apps/server/scripts/build.mjs); undefined when the sources run through tsx. */
declare const __OTKLIK_BUILD__: { version: string } | undefined;

const build = typeof __OTKLIK_BUILD__ === 'undefined' ? null : __OTKLIK_BUILD__;

/** Every module of the bundle lives directly in dist/ (entry and chunks alike), so one base serves them all. */
const at = (inBuild: string, inSources: string) =>
  fileURLToPath(new URL(build ? `./${inBuild}` : inSources, import.meta.url));

export const MIGRATIONS_FOLDER = at('drizzle', '../drizzle');
export const WEB_DIST_DIR = at('web', '../../web/dist');

export const SERVER_VERSION: string =
  build?.version ??
  (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const IS_BUILD = build !== null;
