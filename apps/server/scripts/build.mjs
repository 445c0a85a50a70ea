// `pnpm build`: the web app (Vite) and the compiled server (esbuild) into apps/server/dist, which then runs with plain
// `node apps/server/dist/otklik.mjs serve` — no tsx, no build step at start. The bundle holds Otklik's own code
// (server and @otklik/domain); the server's npm dependencies stay external and are installed beside it
// (`pnpm --filter @otklik/server deploy --prod <dir>` in production). dist/ also carries the SQL migrations and the
// web app, found relative to the entry (src/runtime-paths.ts).
//
//   node apps/server/scripts/build.mjs             build
//   node apps/server/scripts/build.mjs --if-stale  build only when a source changed since the last build
//                                                  (`pnpm start` uses this)
//   node apps/server/scripts/build.mjs --check     build nothing; exit 0 when dist is up to date, 3 when not
//                                                  (the CLI tests run the built CLI only when it is)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(serverDir, '../..');
const dist = join(serverDir, 'dist');
const infoFile = join(dist, 'build-info.json');

/** What the build is made of: a change in any of these makes `--if-stale` build again. */
const INPUTS = [
  'apps/server/src',
  'apps/server/drizzle',
  'apps/server/package.json',
  'apps/server/scripts/build.mjs',
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/package.json',
  'apps/web/vite.config.ts',
  'packages/contract/src',
  'packages/contract/package.json',
  'packages/domain/src',
  'packages/domain/package.json',
  'packages/ui/src',
  'packages/ui/package.json',
  'pnpm-lock.yaml',
];

function listFiles(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.name === 'node_modules' || entry.name === 'dist' ? [] : listFiles(join(path, entry.name)),
  );
}

/** A hash of the inputs' paths and contents (not their times: a fresh clone or a checkout must not look stale). */
function sourceHash() {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => listFiles(join(repoRoot, input)))
    .filter((file) => !/\.test\.tsx?$/.test(file))
    .map((file) => relative(repoRoot, file).split('\\').join('/'))
    .sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(repoRoot, file)))
      .update('\0');
  return hash.digest('hex');
}

function readInfo() {
  try {
    return JSON.parse(readFileSync(infoFile, 'utf8'));
  } catch {
    return null;
  }
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build: ${command} ${args.join(' ')} failed (${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}

async function build(hash) {
  const started = Date.now();
  const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8'));
  process.stderr.write('build: web app (vite)…\n');
  run('pnpm', ['--filter', '@otklik/web', 'build'], repoRoot);

  process.stderr.write('build: server (esbuild)…\n');
  rmSync(dist, { recursive: true, force: true });
  const esbuild = await import('esbuild');
  // npm packages stay external (native modules, WASM files, worker threads resolve their own files); workspace
  // packages (@otklik/domain) are TypeScript and go into the bundle.
  const external = Object.entries(pkg.dependencies ?? {})
    .filter(([, version]) => !String(version).startsWith('workspace:'))
    .flatMap(([name]) => [name, `${name}/*`]);
  const result = await esbuild.build({
    entryPoints: { otklik: join(serverDir, 'src/cli/main.ts') },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Chunks beside the entry: every module then finds dist/drizzle and dist/web at the same relative place.
    chunkNames: '[name]-[hash]',
    external,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { __OTKLIK_BUILD__: JSON.stringify({ version: pkg.version }) },
    metafile: true,
  });
  // Anything left unresolved in the bundle would fail only at run time: refuse it now.
  const imported = new Set(
    Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
  );
  const undeclared = [...imported].filter(
    (path) =>
      !path.startsWith('node:') && !external.some((e) => path === e || path.startsWith(`${e.replace('/*', '')}/`)),
  );
  if (undeclared.length > 0) {
    process.stderr.write(
      `build: the bundle imports packages the server does not depend on: ${undeclared.join(', ')}\n`,
    );
    process.exit(1);
  }

  cpSync(join(serverDir, 'drizzle'), join(dist, 'drizzle'), { recursive: true });
  cpSync(join(repoRoot, 'apps/web/dist'), join(dist, 'web'), { recursive: true });
  writeFileSync(
    infoFile,
    `${JSON.stringify({ version: pkg.version, sourceHash: hash, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  process.stderr.write(
    `build: apps/server/dist ready in ${((Date.now() - started) / 1000).toFixed(1)} s — node apps/server/dist/otklik.mjs serve\n`,
  );
}

const { values } = parseArgs({
  options: { 'if-stale': { type: 'boolean' }, check: { type: 'boolean' } },
  strict: true,
});
const hash = sourceHash();
const upToDate = readInfo()?.sourceHash === hash && existsSync(join(dist, 'otklik.mjs'));
if (values.check) {
  process.exit(upToDate ? 0 : 3);
} else if (values['if-stale'] && upToDate) {
  process.stderr.write('build: apps/server/dist is up to date\n');
} else {
  await build(hash);
}
