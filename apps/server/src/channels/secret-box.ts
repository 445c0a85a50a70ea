// Channel secrets at rest: AES-256-GCM with a random 96-bit nonce per box, the account id as associated data (a
// box copied onto another account does not open), stored as `v1.<nonce>.<tag>.<ciphertext>` in base64url.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { say } from '../cli/messages';
import { appError } from '../errors/app-error';

export type SecretKey = Buffer;

export function parseSecretKey(value: string | undefined): SecretKey | null {
  if (!value) return null;
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`OTKLIK_SECRET_KEY: ${say('env.secret-key', {})}`);
  return key;
}

export const noKeyError = () => appError('DOMAIN_REFUSED', 'channel.no-secret-key', {}, { reason: 'no-secret-key' });

export function sealSecret(key: SecretKey | null, accountId: string, plain: string): string {
  if (!key) throw noKeyError();
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(accountId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function openSecret(key: SecretKey | null, accountId: string, box: string): string {
  if (!key) throw noKeyError();
  const [version, nonce, tag, body] = box.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('secret box: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(accountId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw appError('DOMAIN_REFUSED', 'channel.token-undecryptable', {}, { reason: 'secret-key-mismatch' });
  }
}
