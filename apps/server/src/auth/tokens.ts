// Random secrets (session cookies, API keys, display tokens) and the hash the database stores instead of them.
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
