// The one-time setup code of the first-run page: issued by `otklik serve` when no organisation exists, printed in its
// log, and good for one successful setup. Kept in memory as a hash: a restart issues a new one, a used one is gone.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export interface SetupGate {
  /** A new code (replacing any earlier one); only the caller ever sees it in plain text. */
  issue(): string;
  /** Whether a code is waiting to be used. */
  readonly open: boolean;
  /** Takes the code if it matches: true once, then the gate is closed. */
  take(code: string): boolean;
  /** Gives a taken code back (the setup it allowed failed before creating anything). */
  restore(code: string): void;
}

// No 0/O, 1/I/L: the code is read from a console and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const digest = (code: string) => createHash('sha256').update(normalise(code)).digest();

/** Case and separators do not matter: "abcd-efgh" is "ABCDEFGH". */
function normalise(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function createSetupGate(): SetupGate {
  let hash: Buffer | null = null;
  return {
    issue() {
      const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      const code = chars.match(/.{4}/g)!.join('-');
      hash = digest(code);
      return code;
    },
    get open() {
      return hash !== null;
    },
    take(code) {
      if (!hash) return false;
      const ok = timingSafeEqual(hash, digest(code));
      if (ok) hash = null;
      return ok;
    },
    restore(code) {
      hash ??= digest(code);
    },
  };
}
