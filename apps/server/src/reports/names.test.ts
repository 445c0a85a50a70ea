import { describe, expect, it } from 'vitest';
import { nameLookup } from './names';

describe('nameLookup', () => {
  const directory = { people: { p1: 'Иванова А. А.' }, departments: { d1: 'Дороги и транспорт' } };

  it('names the system actor in the reader’s language only, Russian by default', () => {
    expect(nameLookup(directory).person('system')).toBe('Система');
    expect(nameLookup(directory, {}, 'en').person('system')).toBe('System');
  });

  it('gives directory names as they are, unknown ids as ids and cases by number', () => {
    const names = nameLookup(directory, { c1: 17 }, 'en');
    expect(names.person('p1')).toBe('Иванова А. А.');
    expect(names.person('gone')).toBe('gone');
    expect(names.department('d1')).toBe('Дороги и транспорт');
    expect(names.caseLabel?.('c1')).toBe('№ 17');
    expect(names.caseLabel?.('c2')).toBe('c2');
  });
});
