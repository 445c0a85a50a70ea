// Sign-in with OpenID Connect (Keycloak, ADFS or any compliant provider): the authorization code flow with PKCE,
// through openid-client. The provider's metadata is discovered on first use and kept; a failed discovery is
// retried on the next sign-in. The state, nonce and PKCE verifier of one sign-in travel in a short-lived,
// HttpOnly cookie that the callback must present.
import * as client from 'openid-client';
import { say } from '../cli/messages';
import type { DirectoryIdentity } from './directory-match';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Shown on the sign-in button. */
  readonly name: string;
  readonly scopes: string;
  /** <public URL>/api/auth/oidc/callback, as registered at the provider. */
  readonly redirectUri: string;
}

export interface OidcPending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly createdAt: number;
}

export const OIDC_COOKIE = 'otklik_oidc';
/** How long a sign-in may take at the provider. */
export const OIDC_PENDING_MS = 10 * 60_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export class OidcError extends Error {}

export interface Oidc {
  readonly name: string;
  /** Where to send the browser, and what to remember for the callback. */
  start(): Promise<{ url: string; pending: OidcPending }>;
  /** Exchanges the code of the callback URL, checking state, nonce and PKCE; returns who signed in. */
  finish(callbackUrl: URL, pending: OidcPending): Promise<DirectoryIdentity>;
  /** The registered redirect URI with the callback's query: what the provider redirected to. */
  callbackUrl(query: URLSearchParams): URL;
}

export function createOidc(settings: OidcSettings): Oidc {
  const issuer = new URL(settings.issuer);
  // Plain HTTP only to a provider on this very machine (tests, a local proxy); anything else must be HTTPS.
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOOPBACK.has(issuer.hostname)) {
    throw new OidcError(say('env.oidc-issuer-https', { issuer: settings.issuer }));
  }
  let configuration: Promise<client.Configuration> | null = null;
  const config = () => {
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null;
        throw new OidcError(`discovery of ${settings.issuer} failed: ${(error as Error).message}`);
      });
    return configuration;
  };

  return {
    name: settings.name,
    callbackUrl(query) {
      const url = new URL(settings.redirectUri);
      url.search = query.toString();
      return url;
    },
    async start() {
      const cfg = await config();
      const pending: OidcPending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        createdAt: Date.now(),
      };
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.toString(), pending };
    },
    async finish(callbackUrl, pending) {
      const cfg = await config();
      const tokens = await client.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new OidcError('the provider returned no ID token');
      const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
      let source: Record<string, unknown> = claims;
      // Many providers put profile and e-mail claims only in the UserInfo response, not in the ID token.
      if (!text(claims.preferred_username) && !text(claims.email) && cfg.serverMetadata().userinfo_endpoint) {
        source = await client.fetchUserInfo(cfg, tokens.access_token, claims.sub);
      }
      // An address the provider says is unverified is not trusted for matching.
      const email = source.email_verified === false ? null : text(source.email);
      return { login: text(source.preferred_username), email };
    },
  };
}

export function encodePending(pending: OidcPending): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

export function decodePending(value: string | undefined, now: number): OidcPending | null {
  if (!value) return null;
  try {
    const p = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<OidcPending>;
    if (typeof p.state !== 'string' || typeof p.nonce !== 'string' || typeof p.verifier !== 'string') return null;
    if (typeof p.createdAt !== 'number' || now - p.createdAt > OIDC_PENDING_MS || p.createdAt > now + 60_000)
      return null;
    return { state: p.state, nonce: p.nonce, verifier: p.verifier, createdAt: p.createdAt };
  } catch {
    return null;
  }
}
