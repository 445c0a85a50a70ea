// What the wall display may say about where a case is: only a settlement or district of the organisation's place
// directory that the case's free-text location names, or nothing. The free text itself (a street, a house, a flat,
// a name in brackets) never leaves the server for the wall: a wall hangs in a public corridor.

export type PlaceKind = 'settlement' | 'district';

export interface DirectoryPlace {
  readonly name: string;
  readonly kind: PlaceKind;
}

/** Lower case, ё as е, every run of non-letters and non-digits as one space, padded: whole-word search by `includes`. */
function words(text: string): string {
  const plain = text
    .toLocaleLowerCase('ru-RU')
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

/**
 * The directory place the location names as whole words (the longest name when several match, so "Нижнее Сосково"
 * wins over "Сосково"; a settlement before a district of the same length), or null. Never any part of the free text.
 */
export function wallPlaceOf(location: string | null, directory: readonly DirectoryPlace[]): DirectoryPlace | null {
  if (!location) return null;
  const haystack = words(location);
  let best: DirectoryPlace | null = null;
  for (const place of directory) {
    const needle = words(place.name);
    if (needle.trim() === '' || !haystack.includes(needle)) continue;
    if (
      !best ||
      place.name.length > best.name.length ||
      (place.name.length === best.name.length && place.kind === 'settlement' && best.kind === 'district')
    ) {
      best = place;
    }
  }
  return best;
}
