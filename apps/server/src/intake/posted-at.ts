// Posting times in import files, read strictly in the organisation's time zone: "01.12.2026 10:00" is 1 December
// 2026 10:00 local time (never 12 January), ISO-8601 with an offset is taken as written, and anything else
// ("дом 5") is an error for that line, never a guess.
import { fromZonedTime } from 'date-fns-tz';

const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
/** ISO-8601 with an explicit offset or Z: the API's only string form. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Epoch ms, or the refused value (at most 40 characters; the catalogue's 'import.posted-at' names the forms). */
export function parsePostedAt(
  value: string,
  timeZone: string,
): { ok: true; at: number } | { ok: false; value: string } {
  const v = value.trim();
  if (ISO_WITH_OFFSET.test(v)) {
    const at = Date.parse(v);
    if (!Number.isNaN(at)) return { ok: true, at };
  }
  const m = RU.exec(v);
  const iso = m ? null : ISO_LOCAL.exec(v);
  const parts = m
    ? { y: m[3], mo: m[2], d: m[1], h: m[4], mi: m[5], s: m[6] }
    : iso
      ? { y: iso[1], mo: iso[2], d: iso[3], h: iso[4], mi: iso[5], s: iso[6] }
      : null;
  if (parts) {
    const [y, mo, d, h, mi, s] = [parts.y, parts.mo, parts.d, parts.h, parts.mi, parts.s ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (valid(y, mo, d, h, mi, s)) {
      const pad = (n: number) => String(n).padStart(2, '0');
      const local = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
      return { ok: true, at: fromZonedTime(local, timeZone).getTime() };
    }
  }
  return { ok: false, value: v.slice(0, 40) };
}
