// The two browser redirects of an OpenID Connect sign-in: /api/auth/oidc/start sends the browser to the provider,
// /api/auth/oidc/callback takes it back, checks the answer, matches the person and opens the session. Every
// failure ends on the sign-in page with a reason code it explains (never a stack trace or a JSON error page).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps';
import { appError } from '../errors/app-error';
import { clientIp } from '../http/respond';
import { log as rootLog } from '../log';
import { loadCurrentUser } from './current-user';
import { recordDirectorySignIn } from './directory-audit';
import { matchDirectoryPerson } from './directory-match';
import { decodePending, encodePending, OIDC_COOKIE, OIDC_PENDING_MS } from './oidc';
import { createSession, parseCookies, sessionCookie } from './sessions';

const oidcLog = rootLog.child({ component: 'oidc' });

const COOKIE_PATH = '/api/auth/oidc';

function oidcCookie(value: string, maxAgeMs: number, secure: boolean): string {
  const parts = [`${OIDC_COOKIE}=${value}`, `Path=${COOKIE_PATH}`, 'HttpOnly', 'SameSite=Lax'];
  parts.push(`Max-Age=${Math.floor(maxAgeMs / 1000)}`);
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.statusCode = 302;
  res.setHeader('location', location);
  res.setHeader('cache-control', 'no-store');
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end();
}

const toLogin = (reason: string, who?: string) =>
  `/login?${new URLSearchParams({ error: reason, ...(who ? { who } : {}) }).toString()}`;

export async function handleOidc(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, path: string) {
  const oidc = deps.signIn.oidc;
  if (!oidc || (path !== `${COOKIE_PATH}/start` && path !== `${COOKIE_PATH}/callback`)) {
    throw appError('NOT_FOUND', 'oidc.not-configured', {});
  }
  if (req.method !== 'GET') throw appError('METHOD_NOT_ALLOWED', 'http.get-only', {});
  const log = (what: string, error: unknown) =>
    oidcLog.warn({ err: error instanceof Error ? error.message : String(error) }, `OpenID Connect ${what}`);

  if (path.endsWith('/start')) {
    let started: Awaited<ReturnType<typeof oidc.start>>;
    try {
      started = await oidc.start();
    } catch (error) {
      log('start failed', error);
      redirect(res, toLogin('oidc-unavailable'));
      return;
    }
    redirect(res, started.url, [oidcCookie(encodePending(started.pending), OIDC_PENDING_MS, deps.cookieSecure)]);
    return;
  }

  // The callback: the pending sign-in's cookie is used once, whatever happens next. Every outcome is audited.
  const clear = oidcCookie('', 0, deps.cookieSecure);
  const ip = clientIp(deps, req);
  const audit = (personId: string | null, who: string | null, refused?: string) =>
    recordDirectorySignIn(deps.db, {
      method: 'oidc',
      personId,
      who,
      ip,
      at: deps.now(),
      ...(refused ? { refused } : {}),
    });
  const query = new URL(req.url ?? '/', 'http://callback').searchParams;
  if (query.get('error')) {
    await audit(null, null, 'oidc-denied');
    redirect(res, toLogin('oidc-denied'), [clear]);
    return;
  }
  const pending = decodePending(parseCookies(req.headers.cookie)[OIDC_COOKIE], Date.now());
  if (!pending) {
    await audit(null, null, 'oidc-expired');
    redirect(res, toLogin('oidc-expired'), [clear]);
    return;
  }
  let identity: Awaited<ReturnType<typeof oidc.finish>>;
  try {
    identity = await oidc.finish(oidc.callbackUrl(query), pending);
  } catch (error) {
    log('callback refused', error);
    await audit(null, null, 'oidc-failed');
    redirect(res, toLogin('oidc-failed'), [clear]);
    return;
  }
  const match = await matchDirectoryPerson(deps.db, identity);
  if (!match.ok) {
    await audit(match.personId ?? null, match.who, `directory-${match.code}`);
    redirect(res, toLogin(`directory-${match.code}`, match.who), [clear]);
    return;
  }
  const now = deps.now();
  const who = identity.login ?? identity.email;
  // An archived organisation's people are refused here as at the sign-in form.
  if (!(await loadCurrentUser(deps.db, match.personId, now))) {
    await audit(match.personId, who, 'directory-disabled');
    redirect(res, toLogin('directory-disabled', who ?? undefined), [clear]);
    return;
  }
  const { token } = await createSession(deps.db, {
    personId: match.personId,
    now,
    ttlMs: deps.sessionTtlMs,
    ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
  });
  await audit(match.personId, who);
  redirect(res, '/', [clear, sessionCookie(token, { maxAgeMs: deps.sessionTtlMs, secure: deps.cookieSecure })]);
}
