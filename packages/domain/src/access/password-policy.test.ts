// The password rule: length in characters, the common list (in any case and spacing, with digits appended), the login.
import { describe, expect, it } from 'vitest';
import { describePasswordProblem, passwordProblem, passwordRefusal } from './password-policy';

const code = (password: string, login?: string) => passwordProblem(password, login)?.code ?? null;

describe('passwordProblem', () => {
  it('accepts a long uncommon password', () => {
    expect(code('лодка-речка-2027')).toBeNull();
    expect(code('correct horse battery')).toBeNull();
  });
  it('refuses fewer than 10 characters, counting letters not bytes', () => {
    expect(passwordProblem('abc12345')).toEqual({ code: 'password-too-short', params: { min: 10 } });
    expect(code('щукаокунь')).toBe('password-too-short'); // 9 letters, 18 bytes
    expect(code('щукаокуньё')).toBeNull();
  });
  it('refuses more than 200 characters', () => {
    const long = 'лодка-речка-'.repeat(20);
    expect(code(long.slice(0, 201))).toBe('password-too-long');
    expect(code(long.slice(0, 200))).toBeNull();
  });
  it('refuses common passwords in any case and spacing, with digits appended, and one or two repeated characters', () => {
    for (const common of ['Password123', 'ЙЦУКЕНГШЩЗ', '1234 567 890', 'qwerty1234', 'adminadmin', 'gfhjkm1234']) {
      expect(code(common), common).toBe('password-too-common');
    }
    expect(code('aaaaaaaaaaaa')).toBe('password-too-common');
    expect(code('abababababab')).toBe('password-too-common');
  });
  it('refuses a password that contains the login, in any case', () => {
    expect(code('glava-admin', 'Glava-Admin')).toBe('password-is-login');
    expect(code('glava-admin-2027', 'Glava-Admin')).toBe('password-is-login');
    expect(code('glava-admin-2027', 'ivanova')).toBeNull();
  });
  it('gives a catalogue key for the web app and both languages for the server', () => {
    const problem = passwordProblem('short');
    if (!problem) throw new Error('expected a problem');
    expect(passwordRefusal(problem)).toEqual({ key: 'password.too-short', params: { min: 10 } });
    expect(describePasswordProblem(problem)).toMatch(/^Пароль должен быть не короче 10 символов \/ .*at least 10/);
  });
});
