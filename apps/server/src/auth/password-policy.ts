// The one password policy of Otklik: at least 10 characters, not a well-known password, not the login itself.
// `otklik init`, the first-run page and the organisation screens ask it; sign-in never does (an old password
// keeps working until it is changed).
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 10;

/** Passwords every guessing list starts with (compared in lower case, spaces removed). Short on purpose: length
 *  already rules out most lists; these are the long ones people still choose, Latin and Cyrillic keyboards alike. */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0987654321',
  '1111111111',
  '0000000000',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl1',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'administrator',
  'admin12345',
  'admin123456',
  'adminadmin',
  'administrator1',
  'letmein123',
  'welcome123',
  'iloveyou12',
  'changeme123',
  'abc1234567',
  'abcdefghij',
  'йцукенгшщз',
  'йцукен1234',
  'пароль1234',
  'пароль12345',
  'парольпароль',
  'администратор',
  'qwertyqwerty',
  'gfhjkm1234',
  'otklik1234',
  'otklik12345',
  'отклик1234',
]);

export type PasswordProblem = 'too-short' | 'common' | 'same-as-login';

/** Null when the password may be used; otherwise why not. */
export function passwordProblem(password: string, login?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short';
  const normalised = password.toLowerCase().replace(/\s+/g, '');
  if (COMMON_PASSWORDS.has(normalised) || /^(.)\1+$/.test(normalised)) return 'common';
  if (login && normalised === login.toLowerCase()) return 'same-as-login';
  return null;
}

export function passwordProblemMessage(problem: PasswordProblem): string {
  switch (problem) {
    case 'too-short':
      return `Пароль не короче ${MIN_PASSWORD_LENGTH} символов / the password needs at least ${MIN_PASSWORD_LENGTH} characters`;
    case 'common':
      return 'Этот пароль слишком распространён, выберите другой / this password is too common, choose another';
    case 'same-as-login':
      return 'Пароль не должен совпадать с логином / the password must differ from the login';
  }
}

/** A new password in an API input: the policy's message on the `password` field. */
export const zNewPassword = z
  .string()
  .max(200, 'Пароль не длиннее 200 символов / at most 200 characters')
  .superRefine((password, ctx) => {
    const problem = passwordProblem(password);
    if (problem) ctx.addIssue({ code: 'custom', message: passwordProblemMessage(problem) });
  });
