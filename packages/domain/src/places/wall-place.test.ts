// wallPlaceOf: the wall shows a directory settlement or district named by the location, never the free text.
import { describe, expect, it } from 'vitest';
import { type DirectoryPlace, wallPlaceOf } from './wall-place';

const directory: DirectoryPlace[] = [
  { name: 'Беляево', kind: 'settlement' },
  { name: 'Сосково', kind: 'settlement' },
  { name: 'Нижнее Сосково', kind: 'settlement' },
  { name: 'Северный', kind: 'district' },
  { name: 'Конышёвка', kind: 'settlement' },
];

describe('wallPlaceOf', () => {
  it('gives nothing for a street address with a flat and a name, however personal', () => {
    expect(wallPlaceOf('ул. Советская, 10, кв. 5 (Кузьмина М.)', directory)).toBeNull();
  });

  it('gives the directory place a location names as a whole word, not the rest of the text', () => {
    expect(wallPlaceOf('с. Беляево, ул. Мира, 3, кв. 7', directory)).toEqual({ name: 'Беляево', kind: 'settlement' });
    expect(wallPlaceOf('мкр. Северный, д. 4', directory)?.name).toBe('Северный');
  });

  it('matches whole words only, regardless of case and ё', () => {
    expect(wallPlaceOf('Беляевский переулок', directory)).toBeNull();
    expect(wallPlaceOf('П. КОНЫШЕВКА, вокзал', directory)?.name).toBe('Конышёвка');
  });

  it('prefers the longest name when several match', () => {
    expect(wallPlaceOf('дорога на Нижнее Сосково', directory)?.name).toBe('Нижнее Сосково');
  });

  it('gives nothing without a location or without a directory', () => {
    expect(wallPlaceOf(null, directory)).toBeNull();
    expect(wallPlaceOf('с. Беляево', [])).toBeNull();
  });
});
