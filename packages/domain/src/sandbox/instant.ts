// An instant written by a person or a file: ISO-8601 with a UTC offset (a bare local time would silently depend on
// someone's time zone). Shared by `otklik deadline`, `otklik replay` and the sandbox;
// ./messages words what is wrong.

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** What is wrong with a written instant: not ISO-8601 with an offset, or a date or time that does not exist. */
export type InstantProblem = 'format' | 'no-such-date';

/** Epoch milliseconds, or what is wrong (for a reader that words it in its own language). */
export function readIsoInstant(text: string): number | InstantProblem {
  const m = ISO_INSTANT.exec(text);
  if (!m) return 'format';
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
    return 'no-such-date';
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? 'format' : at;
}
