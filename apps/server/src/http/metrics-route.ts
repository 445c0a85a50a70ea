// GET /metrics for Prometheus. Not public by default: with OTKLIK_METRICS_TOKEN set, a request must carry
// "Authorization: Bearer <token>"; without it, only a direct request from this machine (loopback, and no
// X-Forwarded-For, which a reverse proxy in front of Otklik adds) is answered. Everything else gets 404, so the
// endpoint does not announce itself.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isMetricsRequestAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const header = req.headers.authorization ?? '';
    return header.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length).trim(), token);
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.test(req.socket.remoteAddress ?? '');
}

export async function handleMetrics(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isMetricsRequestAllowed(req, deps.metricsToken)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  const body = await deps.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
}
