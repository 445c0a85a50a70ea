// Sign-in with OpenID Connect through the real redirect flow, at the HTTP level: a real provider (the oidc-provider
// package, on 127.0.0.1, with its development login and consent pages) and the Otklik server, a cookie jar per
// host standing in for the browser. A known directory user lands signed in; an unknown one is refused with a
// reason on the sign-in page; a callback without the pending sign-in's cookie (or with another state) is refused.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { asc, eq } from 'drizzle-orm';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect';
import { organisations } from '../db/schema';
import { auditLog } from '../db/schema-security';
import { createPerson } from '../directory/people';
import { type RunningServer, startServer } from '../http/server';
import { createTestDatabase } from '../test/databases';
import { createOrgFixture } from '../test/fixtures';
import { freePort } from '../test/free-port';
import { createOidc } from './oidc';
import { oidcRedirectUri } from './sign-in-methods';

/** The browser's cookies, per host:port (enough for two servers on 127.0.0.1). */
class Jar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  store(url: string, res: Response) {
    const origin = new URL(url).origin;
    const jar = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.byOrigin.set(origin, jar);
  }
  header(url: string): string {
    return [...(this.byOrigin.get(new URL(url).origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(origin: string, name: string) {
    return this.byOrigin.get(origin)?.get(name);
  }
}

/** One browser step: a request with the jar's cookies; redirects are followed one by one by `follow`. */
async function step(jar: Jar, url: string, init: RequestInit = {}) {
  const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header(url) } });
  jar.store(url, res);
  return res;
}

/** Follows redirects from `url` until a page that is not a redirect (or one to `stopAt`'s origin path). */
async function follow(jar: Jar, url: string, stopAt?: (u: string) => boolean): Promise<{ url: string; res: Response }> {
  let current = url;
  for (let i = 0; i < 20; i++) {
    if (stopAt?.(current)) return { url: current, res: new Response(null) };
    const res = await step(jar, current);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      current = new URL(location, current).toString();
      continue;
    }
    return { url: current, res };
  }
  throw new Error('too many redirects');
}

/** Submits the provider's development form on `page` (login or consent) and returns where it redirects. */
async function submitForm(jar: Jar, pageUrl: string, html: string, fields: Record<string, string>) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  const target = new URL(action.replaceAll('&amp;', '&'), pageUrl).toString();
  const res = await step(jar, target, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return new URL(res.headers.get('location')!, target).toString();
}

describe('OpenID Connect sign-in (oidc-provider)', () => {
  const whoAmI = async (jar: Jar) =>
    (await (await fetch(`${otklik.url}/trpc/auth.me`, { headers: { cookie: jar.header(otklik.url) } })).json()) as {
      result: { data: { user: unknown } };
    };
  const tag = randomBytes(3).toString('hex');
  let database: Database;
  let provider: Server;
  let otklik: RunningServer;
  let issuer: string;
  /** Directory accounts: by sub, with the claims the provider releases. */
  const accounts: Record<string, { preferred_username: string; email: string; email_verified: boolean }> = {
    [`ivanova-${tag}`]: {
      preferred_username: `ivanova-${tag}`,
      email: `ivanova-${tag}@example.org`,
      email_verified: true,
    },
    [`i.smirnov-${tag}`]: {
      preferred_username: `i.smirnov-${tag}`,
      email: `smirnov-${tag}@example.org`,
      email_verified: true,
    },
    [`stranger-${tag}`]: {
      preferred_username: `stranger-${tag}`,
      email: `stranger-${tag}@example.org`,
      email_verified: true,
    },
    [`archived-${tag}`]: {
      preferred_username: `archived-${tag}`,
      email: `archived-${tag}@example.org`,
      email_verified: true,
    },
  };
  /** The audit entries of sign-ins, oldest first. */
  const signIns = async () =>
    (await otklik.deps.db.select().from(auditLog).orderBy(asc(auditLog.id))).filter((e) =>
      e.action.startsWith('sign-in'),
    );

  beforeAll(async () => {
    const [providerPort, otklikPort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    const publicUrl = `http://127.0.0.1:${otklikPort}`;
    const oidcProvider = new Provider(issuer, {
      clients: [
        {
          client_id: 'otklik',
          client_secret: 'otklik-client-secret',
          redirect_uris: [oidcRedirectUri(publicUrl)],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username'] },
      findAccount: (_ctx, sub) => {
        const account = accounts[sub];
        if (!account) return undefined;
        return { accountId: sub, claims: () => ({ sub, ...account }) };
      },
      cookies: { keys: ['test-cookie-key'] },
    });
    provider = oidcProvider.listen(providerPort, '127.0.0.1');
    database = await createTestDatabase('pglite');
    otklik = await startServer({
      database,
      port: otklikPort,
      webDistDir: '/nonexistent',
      signIn: {
        ldap: null,
        oidc: createOidc({
          issuer,
          clientId: 'otklik',
          clientSecret: 'otklik-client-secret',
          name: 'Keycloak администрации',
          scopes: 'openid profile email',
          redirectUri: oidcRedirectUri(publicUrl),
        }),
      },
    });
    /** A person of the organisation as the directory (and the identity provider) knows them. */
    const person = (organisationId: string, fields: Omit<Parameters<typeof createPerson>[1], 'organisationId'>) =>
      createPerson(otklik.deps.db, { organisationId, ...fields });
    const org = await createOrgFixture(otklik.deps);
    await person(org.organisationId, { fullName: 'Иванова Мария', login: `ivanova-${tag}`, roles: ['curator'] });
    await person(org.organisationId, {
      fullName: 'Смирнов Игорь',
      login: `smirnov-${tag}`,
      email: `smirnov-${tag}@example.org`,
      roles: ['head'],
    });
    // A person of an archived organisation: the directory knows them, Otklik refuses them.
    const archived = await createOrgFixture(otklik.deps);
    await person(archived.organisationId, { fullName: 'Архивов Архип', login: `archived-${tag}`, roles: ['curator'] });
    await otklik.deps.db
      .update(organisations)
      .set({ archivedAt: new Date() })
      .where(eq(organisations.id, archived.organisationId));
  }, 60_000);
  afterAll(async () => {
    await otklik?.close();
    await database?.close();
    await new Promise((resolve) => provider?.close(resolve));
  });

  /** The whole flow as a browser does it; returns where Otklik finally sends the browser, and the jar. */
  async function signInAs(sub: string) {
    const jar = new Jar();
    const methods = (await (await fetch(`${otklik.url}/trpc/auth.methods`)).json()) as {
      result: { data: { oidc: { name: string; startUrl: string } } };
    };
    expect(methods.result.data.oidc.name).toBe('Keycloak администрации');
    // Otklik → provider's authorization endpoint → its login page.
    const start = await step(jar, `${otklik.url}${methods.result.data.oidc.startUrl}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    const loginPage = await follow(jar, authorize.toString());
    const afterLogin = await submitForm(jar, loginPage.url, await loginPage.res.text(), {
      prompt: 'login',
      login: sub,
      password: 'any',
    });
    // The provider asks for consent once, then redirects back to Otklik's callback with the code.
    let next = await follow(jar, afterLogin, (u) => u.startsWith(otklik.url));
    if (!next.url.startsWith(otklik.url)) {
      const consentTo = await submitForm(jar, next.url, await next.res.text(), { prompt: 'consent' });
      next = await follow(jar, consentTo, (u) => u.startsWith(otklik.url));
    }
    expect(next.url).toContain('/api/auth/oidc/callback?');
    const callback = await step(jar, next.url);
    expect(callback.status).toBe(302);
    return { jar, callbackUrl: next.url, landing: callback.headers.get('location')! };
  }

  it('a directory user matched by login lands signed in, with the roles Otklik gives', async () => {
    const { jar, landing } = await signInAs(`ivanova-${tag}`);
    expect(landing).toBe('/');
    const me = await whoAmI(jar);
    expect(me.result.data.user).toMatchObject({ login: `ivanova-${tag}`, roles: ['curator'] });
    expect((await signIns()).filter((e) => e.actorLogin === `ivanova-${tag}`)).toMatchObject([
      { action: 'sign-in', details: { method: 'oidc', directoryAccount: `ivanova-${tag}` } },
    ]);
  });

  it('matches by e-mail when the directory login differs', async () => {
    const { jar } = await signInAs(`i.smirnov-${tag}`);
    const me = await whoAmI(jar);
    expect(me.result.data.user).toMatchObject({ login: `smirnov-${tag}`, roles: ['head'] });
  });

  it('refuses a directory user unknown to Otklik, back on the sign-in page with the reason', async () => {
    const { jar, landing } = await signInAs(`stranger-${tag}`);
    expect(landing).toBe(`/login?error=directory-unknown&who=stranger-${tag}`);
    expect(jar.get(otklik.url, 'otklik_session')).toBeUndefined();
    // The refusal is in the audit log (installation-level: the account is nobody's in Otklik).
    expect((await signIns()).filter((e) => e.actorLogin === `stranger-${tag}`)).toMatchObject([
      {
        action: 'sign-in.failed',
        organisationId: null,
        actorId: null,
        details: { method: 'oidc', reason: 'directory-unknown' },
      },
    ]);
  });

  it('refuses a person of an archived organisation, with no session, and audits it', async () => {
    const { jar, landing } = await signInAs(`archived-${tag}`);
    expect(landing).toBe(`/login?error=directory-disabled&who=archived-${tag}`);
    expect(jar.get(otklik.url, 'otklik_session')).toBeUndefined();
    expect((await signIns()).filter((e) => e.actorLogin === `archived-${tag}`)).toMatchObject([
      { action: 'sign-in.failed', details: { method: 'oidc', reason: 'directory-disabled' } },
    ]);
  });

  it('refuses a callback replayed without the pending sign-in, or with another state', async () => {
    const { callbackUrl } = await signInAs(`ivanova-${tag}`);
    // The same callback again from a browser that never started this sign-in (no cookie): refused.
    const replay = await step(new Jar(), callbackUrl);
    expect(replay.headers.get('location')).toBe('/login?error=oidc-expired');
    // A fresh sign-in's cookie with a callback whose state is not its own: refused by the state check.
    const jar = new Jar();
    await step(jar, `${otklik.url}/api/auth/oidc/start`);
    const forged = new URL(callbackUrl);
    const res = await step(jar, forged.toString());
    expect(res.headers.get('location')).toBe('/login?error=oidc-failed');
    expect(jar.get(otklik.url, 'otklik_session')).toBeUndefined();
    const reasons = (await signIns()).map((e) => (e.details as { reason?: string }).reason);
    expect(reasons).toContain('oidc-expired');
    expect(reasons).toContain('oidc-failed');
  });
});
