// The virtualised list of board rows: only the rows on screen exist in the DOM, so 10,000 open cases scroll smoothly;
// the shared tick redraws just the visible countdowns (the list itself only when a minute turns or an urgency changes). Column heads sort; each row's real height is measured, so a
// phone card that wraps never overlaps the next one.
import { mayApprove } from '@otklik/domain';
import { SIGHT_ROOT_ATTRIBUTE, useServerNowUntil } from '@otklik/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardCase } from '../../api/types';
import { useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';
import { useSession } from '../../stores/session';
import { BoardRow } from './BoardRow';
import { type BoardSort, nextUrgencyChange, type SortKey, urgencyOf } from './filter-cases';

const ROW_DESKTOP = 68;
const ROW_PHONE = 170;
const PHONE_QUERY = '(max-width: 760px)';

function usePhone(): boolean {
  const [phone, setPhone] = useState(() => globalThis.matchMedia?.(PHONE_QUERY).matches ?? false);
  useEffect(() => {
    const mq = globalThis.matchMedia?.(PHONE_QUERY);
    if (!mq) return;
    const on = () => setPhone(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return phone;
}

function SortHead(props: {
  readonly label: string;
  readonly sortKey: SortKey | null;
  readonly sort: BoardSort;
  readonly onSort: (key: SortKey) => void;
}) {
  const { sortKey, sort } = props;
  if (!sortKey) return <th scope="col">{props.label}</th>;
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="board-sort" onClick={() => props.onSort(sortKey)}>
        {props.label}
        <span aria-hidden="true" className="board-sort-mark">
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

export function BoardList(props: {
  readonly rows: readonly BoardCase[];
  readonly sort: BoardSort;
  readonly onSort: (key: SortKey) => void;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly approvingId: string | null;
  readonly onApprove: (row: BoardCase) => void;
}) {
  const t = useT();
  const user = useSession((s) => s.user);
  const offsetMs = useClock((s) => s.offsetMs);
  const calendars = useDirectory((s) => s.calendars);
  // The list itself changes only when a minute turns (the age column) or a row's urgency does: it redraws then, and
  // the seconds of the countdowns redraw inside each row's own Countdown, not the whole list every second.
  const { rows } = props;
  const nextChange = useCallback(
    (at: number) => Math.min((Math.floor(at / 60_000) + 1) * 60_000, nextUrgencyChange(rows, at)),
    [rows],
  );
  const now = useServerNowUntil(offsetMs, nextChange);
  const minuteNow = Math.floor(now / 60_000) * 60_000;
  const phone = usePhone();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (phone ? ROW_PHONE : ROW_DESKTOP),
    overscan: 8,
    getItemKey: (i) => props.rows[i]?.id ?? i,
  });
  // Row heights depend on the layout: re-measure when switching between phone and desktop.
  useEffect(() => virtualizer.measure(), [phone, virtualizer]);
  // The keyboard moves the selection: keep the selected row on screen.
  const selectedIndex = props.selectedId ? props.rows.findIndex((r) => r.id === props.selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const c = t.board.columns;
  const heads: [string, SortKey | null][] = [
    ['№', 'number'],
    [c.countdown, 'due'],
    [c.deadline, 'overall'],
    [c.responsible, 'responsible'],
    [c.category, 'category'],
    [c.source, 'network'],
    [c.location, 'location'],
    [c.age, 'age'],
    [c.actions, null],
  ];
  return (
    // The list's box is where its countdowns look for "in sight" (their overscan rows below it write no time).
    <div ref={scrollRef} className="board-scroll" data-testid="board-scroll" {...{ [SIGHT_ROOT_ATTRIBUTE]: '' }}>
      <table className="board-table" aria-label={t.board.title} aria-rowcount={props.rows.length + 1}>
        <thead>
          <tr className="board-row board-head" aria-rowindex={1}>
            {heads.map(([label, key]) => (
              <SortHead key={label} label={label} sortKey={key} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize(), position: 'relative', display: 'block' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = props.rows[v.index];
            if (!row) return null;
            return (
              <BoardRow
                key={v.key}
                row={row}
                calendar={calendars.get(row.organisationId)}
                offsetMs={offsetMs}
                minuteNow={minuteNow}
                urgency={urgencyOf(row, now)}
                t={t}
                index={v.index}
                top={v.start}
                selected={row.id === props.selectedId}
                canApprove={user !== null && mayApprove(row.status, user)}
                approving={row.id === props.approvingId}
                onApprove={props.onApprove}
                onSelect={props.onSelect}
                measureRef={virtualizer.measureElement}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
