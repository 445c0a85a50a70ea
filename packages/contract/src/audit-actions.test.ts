// The audit actions' labels: each in Russian and in English, never a two-language pair to split; an unknown action
// (a newer server's) reads as itself.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_NAMES, auditActionLabel } from './audit-actions';

describe('audit action labels', () => {
  it('word every action in each language, and both for the CSV', () => {
    for (const action of AUDIT_ACTION_NAMES) {
      const ru = auditActionLabel(action, 'ru');
      const en = auditActionLabel(action, 'en');
      expect(ru, action).toMatch(/[А-Яа-яЁё]/);
      expect(en, action).not.toMatch(/[А-Яа-яЁё]/);
      expect(`${ru}${en}`, action).not.toContain('/');
    }
    expect(auditActionLabel('password.changed', 'ru')).toBe('смена пароля');
    expect(auditActionLabel('password.changed', 'en')).toBe('password changed');
  });

  it('read an unknown action as itself', () => {
    expect(auditActionLabel('robot.arrived', 'ru')).toBe('robot.arrived');
    expect(auditActionLabel('robot.arrived', 'en')).toBe('robot.arrived');
  });
});
