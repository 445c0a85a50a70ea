// An instant written by a person or a file: ISO-8601 with a UTC offset (a bare local time would silently depend on
// someone's time zone). Shared by `otklik deadline`, `otklik replay` and the sandbox.

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds, or a one-line message saying what is wrong. */
export function parseIsoInstant(text: string): number | string {
  const m = ISO_INSTANT.exec(text);
  if (!m) {
    return `malformed instant "${text}": expected ISO-8601 with a UTC offset, e.g. 2026-11-24T16:00:00+03:00`;
  }
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  ) {
    return `malformed instant "${text}": no such date or time`;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? `malformed instant "${text}"` : at;
}
