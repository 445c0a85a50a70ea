// Serves the built web app (apps/web/dist) with an SPA fallback to index.html; explains on / when it is not built.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WEB_DIST_DIR } from '../runtime-paths';

export const DEFAULT_WEB_DIST = WEB_DIST_DIR;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Otklik</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Веб-интерфейс не собран</h1>
<p>Сервер и API работают, но файлов apps/web/dist нет. Соберите интерфейс: <code>pnpm build</code>,
или запустите всё сразу: <code>pnpm start</code>.</p>
<p lang="en">The web app is not built (apps/web/dist is missing). Run <code>pnpm build</code> or <code>pnpm start</code>.</p>
<p><a href="/healthz">/healthz</a></p></body></html>`;

function sendFile(res: ServerResponse, path: string, method: string) {
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  // Hashed Vite assets never change; index.html must always be revalidated to pick up a new build.
  const cache = path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache, 'content-length': statSync(path).size });
  if (method === 'HEAD') res.end();
  else createReadStream(path).pipe(res);
}

export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);
  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' }).end(NOT_BUILT);
      return;
    }
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const candidate = normalize(join(root, pathname));
    // Never serve outside the dist directory, whatever ../ the path contains.
    if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) {
      sendFile(res, candidate, method);
      return;
    }
    // A missing asset is a 404; any other path is a client-side route of the SPA.
    if (pathname.startsWith('/assets/') || extname(pathname) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    sendFile(res, index, method);
  };
}
