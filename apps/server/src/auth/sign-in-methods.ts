// The sign-in methods of this installation from its configuration (env.ts): OpenID Connect and LDAP when set up;
// local passwords always.
import type { SignInMethods } from '../deps';
import type { Env } from '../env';
import { createOidc } from './oidc';

export function signInMethodsFromEnv(env: Env): SignInMethods {
  const oidc =
    env.OTKLIK_OIDC_ISSUER && env.OTKLIK_OIDC_CLIENT_ID && env.OTKLIK_PUBLIC_URL
      ? createOidc({
          issuer: env.OTKLIK_OIDC_ISSUER,
          clientId: env.OTKLIK_OIDC_CLIENT_ID,
          clientSecret: env.OTKLIK_OIDC_CLIENT_SECRET,
          name: env.OTKLIK_OIDC_NAME,
          scopes: env.OTKLIK_OIDC_SCOPES,
          redirectUri: oidcRedirectUri(env.OTKLIK_PUBLIC_URL),
        })
      : null;
  const ldap =
    env.OTKLIK_LDAP_URL && env.OTKLIK_LDAP_BASE_DN
      ? {
          url: env.OTKLIK_LDAP_URL,
          baseDn: env.OTKLIK_LDAP_BASE_DN,
          bindDn: env.OTKLIK_LDAP_BIND_DN,
          bindPassword: env.OTKLIK_LDAP_BIND_PASSWORD,
          userFilter: env.OTKLIK_LDAP_USER_FILTER,
        }
      : null;
  return { oidc, ldap };
}

/** What to register at the provider as the redirect URI. */
export function oidcRedirectUri(publicUrl: string): string {
  return new URL('api/auth/oidc/callback', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
}
