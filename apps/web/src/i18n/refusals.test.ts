// The web's catalogues word every refusal of the domain by its key, in Russian and in English, with the same
// parameters in both; a refusal off the wire is shown in the reader's language, counted by the plural rule.
import { REFUSAL_KEYS } from '@otklik/domain';
import { describe, expect, it } from 'vitest';
import { toReadableError } from '../api/errors';
import { en } from './en';
import { type RefusalWords, refusalText } from './refusals';
import { ru } from './ru';

const forms = (w: RefusalWords): string[] => (typeof w === 'string' ? [w] : [w.one, w.few, w.many, w.other]);
const placeholders = (w: RefusalWords) =>
  [...new Set(forms(w).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('the refusal catalogues', () => {
  it('have exactly the domain refusal keys, in both languages, with the same parameters', () => {
    const ruTable: Readonly<Record<string, RefusalWords>> = ru.refusals;
    const enTable: Readonly<Record<string, RefusalWords>> = en.refusals;
    expect(Object.keys(ruTable).sort()).toEqual([...REFUSAL_KEYS].sort());
    expect(Object.keys(enTable).sort()).toEqual([...REFUSAL_KEYS].sort());
    for (const key of REFUSAL_KEYS) {
      const r = ruTable[key]!;
      const e = enTable[key]!;
      expect(placeholders(e), key).toEqual(placeholders(r));
      for (const f of forms(r)) expect(f, key).toMatch(/[а-яё]|^\{detail\}$/i);
      for (const f of forms(e)) expect(f, key).not.toMatch(/[а-яё]/i);
    }
  });

  it('counts a chain by the Russian plural rule: 1, 2, 5, 11, 21', () => {
    const chain = (min: number) => refusalText('route.chain-min', { min }, ru);
    expect(chain(1)).toBe('Для цепочки нужно не меньше 1 подразделения');
    expect(chain(2)).toBe('Для цепочки нужно не меньше 2 подразделений');
    expect(chain(5)).toBe('Для цепочки нужно не меньше 5 подразделений');
    expect(chain(11)).toBe('Для цепочки нужно не меньше 11 подразделений');
    expect(chain(21)).toBe('Для цепочки нужно не меньше 21 подразделения');
    expect(refusalText('route.chain-min', { min: 1 }, en)).toBe('A chain needs at least 1 department');
    expect(refusalText('route.chain-min', { min: 2 }, en)).toBe('A chain needs at least 2 departments');
  });
});

describe('a refusal from the server', () => {
  // What the tRPC error formatter sends for a curator's approval of a case that is only triaged.
  const refused = {
    message: "Команда «approve» невозможна в состоянии «triaged» / 'approve' is not possible in state 'triaged'",
    data: {
      code: 'UNPROCESSABLE_CONTENT',
      appCode: 'DOMAIN_REFUSED',
      key: 'command.state',
      params: { command: 'approve', status: 'triaged' },
      details: { domainCode: 'wrong-state', status: 'triaged', stage: 'answer' },
    },
  };

  it('is worded by its key in Russian and in English, its parameters in the reader’s words', () => {
    expect(toReadableError(refused, ru).message).toBe(
      'Действие «Согласовать» невозможно, пока обращение в состоянии «классифицировано»',
    );
    expect(toReadableError(refused, en).message).toBe(
      `“${en.commands.approve}” is not possible while the case is “${en.status.triaged}”`,
    );
  });

  it('names roles and marks the refused field by key', () => {
    const role = {
      message: 'x / y',
      data: { code: 'FORBIDDEN', key: 'command.role', params: { command: 'route', roles: ['curator', 'head'] } },
    };
    expect(toReadableError(role, ru).message).toBe('Действие «Направить» доступно ролям: куратор, глава');
    const field = {
      message: 'Подразделения повторяются / a department is listed twice',
      data: { code: 'BAD_REQUEST', key: 'route.department-twice', params: {}, details: { path: 'assignments' } },
    };
    expect(toReadableError(field, en).fields.assignments).toBe('A department is listed twice');
  });

  it('a calendar refusal (a command refused by the calendar) names the weekday in the reader’s words', () => {
    const interval = {
      message: 'invalid working interval',
      data: {
        code: 'UNPROCESSABLE_CONTENT',
        key: 'calendar.bad-weekday-interval',
        params: { start: 600, end: 540, weekday: 3 },
      },
    };
    expect(toReadableError(interval, ru).message).toBe(
      'Неверный рабочий интервал [600, 540] (среда): минуты от полуночи, по возрастанию, без наложений',
    );
    expect(toReadableError(interval, en).message).toBe(
      'Invalid working interval [600, 540] (Wednesday): minutes from midnight, ascending, not overlapping',
    );
    const range = { data: { code: 'BAD_REQUEST', key: 'calendar.out-of-range', params: { min: 1900, max: 2200 } } };
    expect(toReadableError(range, ru).message).toBe(
      'Дата вне поддерживаемых лет 1900–2200 (или в календаре нет рабочего времени)',
    );
  });

  it('with a key the web does not know falls back to the server’s message in the chosen language', () => {
    const newer = {
      message: 'Новый отказ / a newer refusal',
      data: { code: 'FORBIDDEN', key: 'newer.key', params: {} },
    };
    expect(toReadableError(newer, ru).message).toBe('Новый отказ');
    expect(toReadableError(newer, en).message).toBe('a newer refusal');
  });
});
