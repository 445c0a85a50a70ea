// Security headers on every response (helmet): a Content-Security-Policy fitted to the Vite React app (its own
// scripts only, styles from its own files plus React's inline style attributes, images and files from itself,
// the socket on the same origin), no framing at all (the wall is a full page, never an iframe), nosniff and no
// Referer to other sites. HSTS and upgrade-insecure-requests only when the public URL is https.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { Origins } from './origin';

export function createSecurityHeaders(origins: Origins) {
  const https = origins.publicUrl?.protocol === 'https:';
  const sockets = origins.publicUrl ? [origins.publicUrl.origin.replace(/^http/, 'ws')] : [];
  const apply = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...sockets],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
  return (req: IncomingMessage, res: ServerResponse) => {
    apply(req, res, () => {});
  };
}
