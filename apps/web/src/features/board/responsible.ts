// Who the board names as responsible for a row: the person holding the current clock, or, while that person is absent,
// their substitute with the absent colleague in brackets ("Иванов И. И. (за Петрова)"); and a chain's progress.
import type { BoardCase } from '../../api/types';
import { genitiveSurname, shortName } from '../../components/format';
import { fill } from '../../i18n';
import type { Catalogue } from '../../i18n/ru';

export function responsibleText(row: BoardCase, t: Catalogue): string {
  const clock = row.stepClock;
  // The server resolves substitutes for the case's responsible person; the clock names the absent one.
  const standsIn =
    row.absentPersonId != null &&
    (clock?.responsiblePersonId == null || clock.responsiblePersonId === row.absentPersonId);
  if (standsIn && row.responsibleName) {
    const absent = row.absentPersonName ?? null;
    const who = shortName(row.responsibleName) ?? row.responsibleName;
    if (!absent) return who;
    const surname = t.lang.code === 'ru' ? genitiveSurname(absent) : (absent.trim().split(/\s+/)[0] ?? absent);
    return fill(t.board.standsIn, { who, absent: surname });
  }
  return (
    shortName(clock?.responsibleName ?? row.responsibleName) ??
    (clock?.responsibleRole === 'curator' || clock?.responsibleRole === 'operator' ? t.board.curators : t.board.nobody)
  );
}

/** "звено 2 из 3" while a sequential chain runs, "частей 1 из 3" for a parallel set; null otherwise. */
export function chainText(row: BoardCase, t: Catalogue): string | null {
  const c = row.chain;
  if (!c || (row.status !== 'assigned' && row.status !== 'returned')) return null;
  return c.current !== null
    ? fill(t.board.chainLink, { current: c.current, total: c.total })
    : fill(t.board.chainParts, { sent: c.sent, total: c.total });
}
