// The virtualised list of board rows: only the rows on screen exist in the DOM, so 10,000 open cases scroll smoothly;
// the shared tick redraws just the visible countdowns.
import { useServerNow } from '@otklik/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { BoardCase } from '../../api/types';
import { useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';
import { BoardRow } from './BoardRow';
import { urgencyOf } from './filter-cases';

const ROW_DESKTOP = 68;
const ROW_PHONE = 150;
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

export function BoardList(props: { readonly rows: readonly BoardCase[] }) {
  const t = useT();
  const offsetMs = useClock((s) => s.offsetMs);
  const calendars = useDirectory((s) => s.calendars);
  const now = useServerNow(offsetMs);
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

  const c = t.board.columns;
  return (
    <div ref={scrollRef} className="board-scroll" data-testid="board-scroll">
      <table className="board-table" aria-label={t.board.title} aria-rowcount={props.rows.length + 1}>
        <thead>
          <tr className="board-row board-head" aria-rowindex={1}>
            <th scope="col">№</th>
            <th scope="col">{c.countdown}</th>
            <th scope="col">{c.deadline}</th>
            <th scope="col">{c.responsible}</th>
            <th scope="col">{c.category}</th>
            <th scope="col">{c.source}</th>
            <th scope="col">{c.location}</th>
            <th scope="col">{c.age}</th>
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
                height={v.size}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
