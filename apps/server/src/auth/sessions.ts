// Cookie sessions: the browser holds a random token, the database its sha256 and the expiry.
import { eq, lte } from 'drizzle-orm';
import type { Db } from '../db/connect';
import { sessions } from '../db/schema';
import { forgetIdentities } from './identity-cache';
import { hashSecret, newSecret } from './tokens';

export const SESSION_COOKIE = 'otklik_session';

export async function createSession(
  db: Db,
  options: { personId: string; now: number; ttlMs: number; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(options.now + options.ttlMs);
  await db.insert(sessions).values({
    id: hashSecret(token),
    personId: options.personId,
    createdAt: new Date(options.now),
    expiresAt,
    ip: options.ip ?? null,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashSecret(token)));
  forgetIdentities();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<void> {
  await db.delete(sessions).where(lte(sessions.expiresAt, new Date(now)));
}

export function sessionCookie(token: string, options: { maxAgeMs: number; secure: boolean }): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeMs / 1000))}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** Ends the browser's copy of the session. */
export function clearSessionCookie(options: { secure: boolean }): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${options.secure ? '; Secure' : ''}`;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}
