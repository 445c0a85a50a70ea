// Small formatting helpers of the web app (age of a case, person names on public screens), words from the catalogue.
import { createZone } from '@otklik/domain';
import type { Catalogue } from '../i18n/ru';

/** Calendar age of a case: '15 мин', '5 ч', '3 д' — how long the citizen has been waiting. */
export function formatAge(ms: number, t: Catalogue): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} ${t.countdown.minutes}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ${t.countdown.hours}`;
  return `${Math.floor(hours / 24)} ${t.countdown.days}`;
}

/** A name with personal data removed for public screens: 'Иванов Иван Петрович' → 'Иванов И. П.' ; authors → 'И***'. */
export function maskAuthor(name: string | null): string {
  if (!name) return '—';
  const first = [...name.trim()][0] ?? '?';
  return `${first.toUpperCase()}***`;
}

export function shortName(fullName: string | null): string | null {
  if (!fullName) return null;
  const [last, ...rest] = fullName.trim().split(/\s+/);
  const initials = rest.map((p) => `${[...p][0] ?? ''}.`).join(' ');
  return initials ? `${last} ${initials}` : (last ?? null);
}

/** Date and time in the organisation's zone for timelines: '25.11.2026, 14:05'. */
export function formatDateTime(at: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** '2026-11-25T18:00' read as wall time in the organisation's zone → epoch ms (NaN when empty or malformed). */
export function zonedInputToInstant(value: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return Number.NaN;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const zone = createZone(timeZone);
  const first = wall - zone.offsetAt(wall);
  // Second pass: the offset at the result, not at the guess, decides across a DST change.
  return wall - zone.offsetAt(first);
}

/** Epoch ms → '2026-11-25T18:00' in the organisation's zone, for datetime-local inputs. */
export function instantToZonedInput(at: number, timeZone: string): string {
  const wall = new Date(at + createZone(timeZone).offsetAt(at));
  return wall.toISOString().slice(0, 16);
}

/**
 * The surname of a full name ('Фамилия Имя Отчество') in the genitive case, for "за Петрова": Russian surnames
 * decline by gender, read from the patronymic (-вна/-чна: female) or else from the surname's own ending. A surname
 * that does not decline ('Черных', 'Шевчук' for a woman) stays as it is.
 */
export function genitiveSurname(fullName: string): string {
  const [surname = '', , patronymic = ''] = fullName.trim().split(/\s+/);
  const lower = surname.toLowerCase();
  const female = /(вна|чна|кызы)$/.test(patronymic.toLowerCase())
    ? true
    : /(ич|оглы)$/.test(patronymic.toLowerCase())
      ? false
      : /(ова|ева|ёва|ина|ына|ая)$/.test(lower);
  const swap = (cut: number, add: string) => surname.slice(0, surname.length - cut) + add;
  if (/(ых|их|ко|о|е|и|у|ю)$/.test(lower)) return surname;
  if (female) {
    if (/(ова|ева|ёва|ина|ына)$/.test(lower)) return swap(1, 'ой');
    if (/ая$/.test(lower)) return swap(2, 'ой');
    if (/[гкхжчшщ]а$/.test(lower)) return swap(1, 'и');
    if (/а$/.test(lower)) return swap(1, 'ы');
    if (/я$/.test(lower)) return swap(1, 'и');
    return surname;
  }
  if (/(ский|цкий)$/.test(lower)) return swap(2, 'ого');
  if (/(ой|ый)$/.test(lower)) return swap(2, 'ого');
  if (/ий$/.test(lower)) return swap(2, 'его');
  if (/[ьй]$/.test(lower)) return swap(1, 'я');
  if (/[гкхжчшщ]а$/.test(lower)) return swap(1, 'и');
  if (/а$/.test(lower)) return swap(1, 'ы');
  if (/я$/.test(lower)) return swap(1, 'и');
  return `${surname}а`;
}
