// Which web origins may change anything: the public URL (OTKLIK_PUBLIC_URL) when set, otherwise the address the
// server listens on (loopback names included). State-changing requests that carry the session cookie and the socket
// handshake must come from one of them; browsers always send Origin on POST and on WebSocket handshakes, so a page
// on another port or a sibling subdomain is refused (issue 11 items 11-12).
import type { IncomingHttpHeaders } from 'node:http';
import type { OriginReason } from '@otklik/contract';

export interface Origins {
  /** The public base URL, if configured (links in e-mails use it too). */
  readonly publicUrl: URL | null;
  /** Called once the server listens: without a public URL, its own address becomes the allowed origin. */
  listening(url: string): void;
  isAllowed(origin: string): boolean;
  /** The allowed origins, for messages and the CSP. */
  list(): string[];
}

function originOf(url: string): string {
  return new URL(url).origin;
}

export function createOrigins(publicUrl: string | undefined): Origins {
  const configured = publicUrl ? new URL(publicUrl) : null;
  const allowed = new Set<string>(configured ? [configured.origin] : []);
  return {
    publicUrl: configured,
    listening(url) {
      if (configured) return;
      const u = new URL(url);
      allowed.add(originOf(url));
      // The same loopback server is reached as localhost, 127.0.0.1 or [::1].
      if (['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]'].includes(u.hostname)) {
        for (const host of ['127.0.0.1', 'localhost', '[::1]']) allowed.add(`${u.protocol}//${host}:${u.port}`);
      }
    },
    isAllowed: (origin) => allowed.has(origin),
    list: () => [...allowed],
  };
}

/** A refusal says why as a key of the catalogue's reasons (and the foreign origin, cut short): the HTTP and socket
 *  messages word it. */
export type OriginVerdict = { ok: true } | { ok: false; reason: OriginReason; origin?: string };

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Whether a request may act with the credentials it carries. `ambient`: it carries the session cookie (a browser
 * attaches it to requests from any page). Then the Origin must be ours. Without the cookie (a machine client with
 * its own key, a sign-in), an Origin that is present must still be ours, and a browser's Sec-Fetch-Site must not say
 * another site.
 */
export function checkOrigin(origins: Origins, headers: IncomingHttpHeaders, ambient: boolean): OriginVerdict {
  const origin = header(headers, 'origin');
  if (origin !== undefined) {
    return origins.isAllowed(origin) ? { ok: true } : { ok: false, reason: 'foreign', origin: origin.slice(0, 100) };
  }
  const site = header(headers, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, reason: 'cross-site' };
  }
  // A browser that omits Origin (a same-origin GET, e.g. socket.io's polling handshake) still says where it is.
  if (site === 'same-origin') return { ok: true };
  if (ambient) {
    return { ok: false, reason: 'no-origin' };
  }
  return { ok: true };
}
