// parseDecimal: a decimal comma is a decimal point; text that is not a number is NaN, never a guess.
import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal';

describe('parseDecimal', () => {
  it('reads a decimal comma and a decimal point alike', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal(' 0,25 ')).toBe(0.25);
    expect(parseDecimal('0.3')).toBe(0.3);
    expect(parseDecimal('30')).toBe(30);
  });

  it('gives NaN for anything else', () => {
    for (const bad of ['', ',', '1,', '1,2,3', '1.2.3', 'abc', '1e3', '١٢']) expect(parseDecimal(bad)).toBeNaN();
  });
});
