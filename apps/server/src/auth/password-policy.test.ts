// The password policy: length, the common list (in any case and spacing), the login itself.
import { describe, expect, it } from 'vitest';
import { passwordProblem, zNewPassword } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long uncommon password', () => {
    expect(passwordProblem('лодка-речка-2027')).toBeNull();
    expect(passwordProblem('correct horse battery')).toBeNull();
  });
  it('refuses fewer than 10 characters, counting letters not bytes', () => {
    expect(passwordProblem('abc12345')).toBe('too-short');
    expect(passwordProblem('щукаокунь')).toBe('too-short'); // 9 letters, 18 bytes
    expect(passwordProblem('щукаокуньё')).toBeNull();
  });
  it('refuses common passwords in any case, and one repeated character', () => {
    expect(passwordProblem('Password123')).toBe('common');
    expect(passwordProblem('ЙЦУКЕНГШЩЗ')).toBe('common');
    expect(passwordProblem('1234 567 890')).toBe('common');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('common');
  });
  it('refuses the login as the password', () => {
    expect(passwordProblem('glava-admin', 'Glava-Admin')).toBe('same-as-login');
  });
  it('puts the message on the field in API inputs', () => {
    const result = zNewPassword.safeParse('short');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/не короче 10/);
  });
});
