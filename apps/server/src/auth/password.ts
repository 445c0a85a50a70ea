// Password hashing with argon2id (the @node-rs/argon2 default algorithm), and a check that costs the same whether or
// not the account exists, so response time does not tell which logins are real.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must not turn into a 500 on the login form.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Verifies against the stored hash, or (no account, no password, inactive) against a dummy one, then says no. */
export async function verifyPasswordInConstantTime(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash) return verifyPassword(passwordHash, password);
  dummyHash ??= hash('otklik-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
