// CSV for Excel: the BOM, Cyrillic bytes as UTF-8, quoting of delimiters, quotes and line breaks, decimal commas
// and formula-like cells neutralised.
import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with the UTF-8 BOM (EF BB BF) and keeps Cyrillic as UTF-8', () => {
    const csv = toCsv([
      ['Подразделение', 'Получено'],
      ['Дороги', 3],
    ]);
    // encodeURIComponent shows the UTF-8 bytes (the domain has no TextEncoder typings): BOM, then «П» = U+041F = D0 9F.
    expect(encodeURIComponent(csv.slice(0, 2))).toBe('%EF%BB%BF%D0%9F');
    expect(csv.slice(1)).toBe('Подразделение;Получено\r\nДороги;3\r\n');
  });

  it('quotes delimiters, quotes and line breaks', () => {
    const csv = toCsv([['ЖКХ; вода', 'ответ "срочно"', 'строка 1\nстрока 2', 'просто']], { bom: false });
    expect(csv).toBe('"ЖКХ; вода";"ответ ""срочно""";"строка 1\nстрока 2";просто\r\n');
  });

  it('writes decimals with a comma for the Russian ";" layout, with a point for ","', () => {
    expect(toCsv([[5.8, null, 0, 'а,б']], { bom: false })).toBe('5,8;;0;а,б\r\n');
    expect(toCsv([[5.8, 'а,б']], { bom: false, delimiter: ',' })).toBe('5.8,"а,б"\r\n');
  });

  it('neutralises cells Excel would run as formulas', () => {
    expect(toCsv([['=HYPERLINK("x")', '-1 день']], { bom: false })).toBe(`"'=HYPERLINK(""x"")";'-1 день\r\n`);
    expect(BOM).toBe('\uFEFF');
  });
});
