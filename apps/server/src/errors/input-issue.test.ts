import { languageHalves } from '@otklik/contract';
import { describe, expect, it } from 'vitest';
import { inputIssueMessage } from './input-issue';

describe('input issue message', () => {
  it('puts each half of a bilingual issue in its language, with the field', () => {
    expect(
      inputIssueMessage(['Неверные данные', 'invalid input'], {
        path: ['command', 'reason'],
        message: 'причина обязательна / reason is required',
      }),
    ).toBe('Неверные данные: command.reason: причина обязательна / invalid input: command.reason: reason is required');
  });

  it('repeats a message that is not a pair in both halves, and has no field when the path is empty', () => {
    expect(inputIssueMessage(['Неверный пакет', 'invalid batch'], { path: [], message: 'Required' })).toBe(
      'Неверный пакет: Required / invalid batch: Required',
    );
    expect(languageHalves('a / b / c')).toBeNull();
  });
});
