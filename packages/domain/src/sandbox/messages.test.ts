import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar';
import { getPreset } from '../profiles';
import { SCENARIO_COMMANDS } from './commands-list';
import { instantProblemText } from './messages';
import { Sandbox } from './run';
import { zScenarioLine } from './scenario';

describe('the sandbox words its own refusals in the reader’s language', () => {
  const profile = getPreset('nao-2020')!;
  const sandbox = (lang?: 'ru' | 'en') =>
    new Sandbox(profile, createCalendar({ timeZone: profile.timeZone }), { departments: ['roads'] }, lang);

  it('English by default (the demo check and the developer tools), Russian when asked', () => {
    const line = { at: '2026-11-24T10:00:00+03:00', by: 'mayor', do: 'register' };
    expect(sandbox().apply(line)).toBe('by: "mayor" is not operator, curator or one of the departments (roads)');
    expect(sandbox('ru').apply(line)).toBe('by: «mayor» — не operator, не curator и не подразделение сценария (roads)');
  });

  it('an instant that is not one, in the line’s field', () => {
    expect(sandbox('ru').apply({ at: '2026-02-30T10:00:00+03:00', by: 'operator', do: 'register' })).toBe(
      'at: неверный момент «2026-02-30T10:00:00+03:00»: такой даты или времени нет',
    );
    expect(instantProblemText('tomorrow', 'format', 'en')).toBe(
      'malformed instant "tomorrow": expected ISO-8601 with a UTC offset, e.g. 2026-11-24T16:00:00+03:00',
    );
  });

  it('after "close" nothing is played', () => {
    const s = sandbox('ru');
    expect(s.apply({ at: '2026-11-24T10:00:00+03:00', by: 'curator', do: 'close' })).toBeNull();
    expect(s.apply({ at: '2026-11-24T10:01:00+03:00', by: 'operator', do: 'register' })).toBe(
      'сценарий закрыт: после "close" команд нет',
    );
  });

  it('the list an unknown command is refused with is the schema’s own', () => {
    const schemaCommands = zScenarioLine.options.map((o) => o.shape.do.value);
    expect([...schemaCommands].sort()).toEqual([...SCENARIO_COMMANDS].sort());
    expect(sandbox('en').apply({ at: '2026-11-24T10:00:00+03:00', by: 'operator', do: 'fly' })).toBe(
      `do must be one of ${SCENARIO_COMMANDS.join(', ')}`,
    );
  });
});
