// The new-organisation input asks the domain's password rule and puts its message on the password field.
import { describe, expect, it } from 'vitest';
import { zNewOrganisation, zNewPassword } from './inputs-organisation';

describe('zNewPassword', () => {
  it('passes a password the domain accepts and refuses one it does not, with the rule in both languages', () => {
    expect(zNewPassword.safeParse('лодка-речка-2027').success).toBe(true);
    const result = zNewPassword.safeParse('short');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/не короче 10 символов \/ .*at least 10/);
    expect(zNewPassword.safeParse('Qwerty 12345').error?.issues[0]?.message).toMatch(/распространён/);
  });
  it('puts the message on admin.password of a new organisation', () => {
    const result = zNewOrganisation.safeParse({
      name: 'Администрация',
      presetId: 'krasnoufimsk-2021',
      timeZone: 'Asia/Yekaterinburg',
      admin: { fullName: 'Иванова И. И.', login: 'ivanova', password: 'password1' },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['admin.password']);
  });
});
