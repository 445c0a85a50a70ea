// The one password rule of local accounts (issue 11 item 15): at least 10 characters, not the login, not one of the
// most common passwords (and not one of them with a digit or two appended). `otklik init`, the first-run page, the
// organisation and people screens and the password change all ask it; sign-in never does (an old password keeps
// working until it is changed). A code, not a sentence: the web app and the CLI say it in the reader's language.

import { bilingualRefusal, type RefusalKey, type RefusalParams } from '../workflow/refusals';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Lower-case; a password equal to one of these (or one of these plus digits) is refused. */
const COMMON = [
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '9876543210',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  'qwerty12345',
  'qwertyuiop123',
  'asdfghjkl',
  'zxcvbnm',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsx',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'iloveyou',
  'admin',
  'administrator',
  'admin12345',
  'adminadmin',
  'welcome',
  'welcome123',
  'letmein',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'superman',
  'starwars',
  'trustno1',
  'michael',
  'shadow',
  'master',
  'changeme',
  'default',
  'secret',
  'abc',
  'abc123',
  'abcdef',
  'abcdefghij',
  'aaaaaaaaaa',
  '1111111111',
  '0000000000',
  'demo',
  'demodemo',
  'test',
  'testtest',
  'testing',
  'otklik',
  'otklik123',
  'otklik2026',
  'отклик',
  'gfhjkm',
  'parol',
  'parol123',
  'parolparol',
  'privet',
  'privetik',
  'natasha',
  'nikita',
  'maksim',
  'qweasdzxc',
  'qazwsxedc',
  'qwertyqwerty',
  'йцукен',
  'йцукенгшщз',
  'пароль',
  'пароль123',
  'парольпароль',
  'администратор',
  'москва',
  'россия',
  'привет',
  'любовь',
] as const;

const COMMON_SET = new Set<string>(COMMON);

export type PasswordProblem =
  | { readonly code: 'password-too-short'; readonly params: { readonly min: number } }
  | { readonly code: 'password-too-long'; readonly params: { readonly max: number } }
  | { readonly code: 'password-too-common'; readonly params: Record<string, never> }
  | { readonly code: 'password-is-login'; readonly params: Record<string, never> };

/** The first problem of `password` for the account `login`, or null when it is acceptable. */
export function passwordProblem(password: string, login = ''): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { code: 'password-too-short', params: { min: MIN_PASSWORD_LENGTH } };
  }
  if (password.length > MAX_PASSWORD_LENGTH) return { code: 'password-too-long', params: { max: MAX_PASSWORD_LENGTH } };
  const lower = password.toLowerCase();
  if (login !== '' && lower.includes(login.toLowerCase())) return { code: 'password-is-login', params: {} };
  // Spaces do not make a common password uncommon ("1234 567 890").
  const compact = lower.replace(/\s+/g, '');
  const core = compact.replace(/[\d!@#$%^&*.]+$/, '');
  // The whole password repeats one or two characters, or is a common one (possibly with digits or a sign appended).
  if (new Set(compact).size <= 2 || COMMON_SET.has(compact) || COMMON_SET.has(core)) {
    return { code: 'password-too-common', params: {} };
  }
  return null;
}

const PASSWORD_KEYS = {
  'password-too-short': 'password.too-short',
  'password-too-long': 'password.too-long',
  'password-too-common': 'password.too-common',
  'password-is-login': 'password.is-login',
} as const satisfies Record<PasswordProblem['code'], RefusalKey>;

/** The problem as a key of the refusal catalogue and its parameters, for the web app to word. */
export function passwordRefusal(problem: PasswordProblem): {
  readonly key: RefusalKey;
  readonly params: RefusalParams;
} {
  return { key: PASSWORD_KEYS[problem.code], params: problem.params };
}

/** The problem in Russian and English (from the refusal catalogue), for the server's error messages. */
export function describePasswordProblem(problem: PasswordProblem): string {
  return bilingualRefusal(passwordRefusal(problem));
}
