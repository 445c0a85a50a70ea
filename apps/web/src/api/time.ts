// Instants from the API as epoch ms: the server sends numbers, or Dates that JSON turns into ISO strings.
export function toMs(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') return Date.parse(v);
  return Number.NaN;
}

export function toMsOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const ms = toMs(v);
  return Number.isNaN(ms) ? null : ms;
}
