// Numbers as people type them in Russian: "1,5" and "1.5" are both one and a half; anything else is not a number
// (NaN), so the form's validation names the field instead of silently taking a default.
export function parseDecimal(text: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}
