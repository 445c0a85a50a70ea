// Wall time in the organisation's zone ↔ instants, independent of the browser's zone; masking of names.
import { describe, expect, it } from 'vitest';
import { genitiveSurname, instantToZonedInput, maskAuthor, shortName, zonedInputToInstant } from './format';

describe('zoned inputs', () => {
  it('reads 18:00 in Moscow (UTC+3) as 15:00Z and in Krasnoyarsk (UTC+7) as 11:00Z', () => {
    expect(zonedInputToInstant('2026-11-25T18:00', 'Europe/Moscow')).toBe(Date.parse('2026-11-25T15:00:00Z'));
    expect(zonedInputToInstant('2026-11-25T18:00', 'Asia/Krasnoyarsk')).toBe(Date.parse('2026-11-25T11:00:00Z'));
    expect(Number.isNaN(zonedInputToInstant('', 'Europe/Moscow'))).toBe(true);
  });
  it('writes an instant back as the same wall time', () => {
    expect(instantToZonedInput(Date.parse('2026-11-25T15:00:00Z'), 'Europe/Moscow')).toBe('2026-11-25T18:00');
  });
});

describe('names', () => {
  it('shortens a full name to surname and initials, and masks an author', () => {
    expect(shortName('Лебедев Николай Иванович')).toBe('Лебедев Н. И.');
    expect(maskAuthor('Сидорова Анна')).toBe('С***');
  });
});

describe('genitiveSurname ("за Петрова")', () => {
  it('declines by the gender the patronymic gives', () => {
    expect(genitiveSurname('Петров Пётр Петрович')).toBe('Петрова');
    expect(genitiveSurname('Кузнецова Ольга Петровна')).toBe('Кузнецовой');
    expect(genitiveSurname('Зайцев Роман Олегович')).toBe('Зайцева');
    expect(genitiveSurname('Тихонова Людмила Андреевна')).toBe('Тихоновой');
    expect(genitiveSurname('Вишневский Лев Ильич')).toBe('Вишневского');
    expect(genitiveSurname('Вишневская Ада Львовна')).toBe('Вишневской');
    expect(genitiveSurname('Гоголь Николай Васильевич')).toBe('Гоголя');
  });
  it('leaves surnames that do not decline as they are', () => {
    expect(genitiveSurname('Черных Иван Павлович')).toBe('Черных');
    expect(genitiveSurname('Шевченко Тарас Григорьевич')).toBe('Шевченко');
    expect(genitiveSurname('Шевчук Анна Сергеевна')).toBe('Шевчук');
  });
});
