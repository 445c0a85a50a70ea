// The wall display (/wall?token=…): full screen, read-only, type sized for reading from 5 metres on 1920×1080 and
// 3840×2160 (everything scales with the screen), no personal data. Breached and at-risk cases are pinned on screen;
// the rest pages. Totals per urgency and per department in a side panel, a clock, a visible lost-connection state that
// heals itself, and a distinct "key revoked" state that drops the data. Never a login prompt.
import { useServerNowUntil } from '@otklik/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { fill, useT } from '../../i18n';
import { useCases } from '../../stores/cases';
import { useClock } from '../../stores/clock';
import { useUi } from '../../stores/ui';
import { filterAndSort, filtersFromParams, nextUrgencyChange } from '../board/filter-cases';
import { useWallData } from './use-wall-data';
import { WallClock } from './WallClock';
import { WallRows } from './WallRows';
import { WallTotals } from './WallTotals';
import { layoutWall } from './wall-layout';

const PAGE_MS = 15_000;
/** Row heights and the gap in wall units (1u = 1% of a 16:9 screen's height), as in wall.css. */
const FULL_ROW_U = 10;
const DENSE_ROW_U = 6.5;
const GAP_U = 0.8;
const DEPT_ROW_U = 4.6;

/** The wall's unit in pixels: 1% of the height of the largest 16:9 area the window holds (wall.css --u). */
function unitPx(): number {
  return Math.min(window.innerHeight / 100, window.innerWidth / (100 * (16 / 9)));
}

/** The height of the rows area and of the department table's room, measured, so no row is ever cut off. */
function useAreaHeights(): { ref: React.RefObject<HTMLDivElement | null>; rows: number; side: number; u: number } {
  const ref = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ rows: 0, side: 0, u: unitPx() });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const side = el.parentElement?.querySelector('.wall-side-area');
      const totals = el.parentElement?.querySelector('.wall-totals');
      const room =
        side instanceof HTMLElement && totals instanceof HTMLElement ? side.clientHeight - totals.offsetHeight : 0;
      const next = { rows: el.clientHeight, side: room, u: unitPx() };
      // The same sizes keep the same state: this effect runs after every redraw, and a new object would redraw again.
      setSize((prev) => (prev.rows === next.rows && prev.side === next.side && prev.u === next.u ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  });
  return { ref, ...size };
}

export function WallScreen() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { settings, calendar, problem } = useWallData(token);
  const socket = useUi((s) => s.connection);
  const offsetMs = useClock((s) => s.offsetMs);
  const area = useAreaHeights();
  const byId = useCases((s) => s.byId);
  const rows = useMemo(() => filterAndSort([...byId.values()], filtersFromParams(new URLSearchParams())), [byId]);
  // What the wall lays out moves at a page turn and when a case's urgency changes (pinned, totals); the clock and
  // each countdown follow the tick on their own.
  const nextChange = useCallback(
    (at: number) => Math.min((Math.floor(at / PAGE_MS) + 1) * PAGE_MS, nextUrgencyChange(rows, at)),
    [rows],
  );
  const now = useServerNowUntil(offsetMs, nextChange);
  const slots = (rowU: number) => Math.max(1, Math.floor((area.rows + GAP_U * area.u) / ((rowU + GAP_U) * area.u)));
  const layout = layoutWall(rows, now, slots(FULL_ROW_U), slots(DENSE_ROW_U), Math.floor(now / PAGE_MS));
  const revoked = problem === 'revoked' || socket === 'revoked';
  const offline = !revoked && (problem === 'offline' || (settings !== null && socket === 'offline'));
  // The department table gets the rows its room holds (header row included).
  const maxDepartments = Math.max(1, Math.floor(area.side / (DEPT_ROW_U * area.u)) - 1);

  useEffect(() => {
    document.title = t.wall.title;
  }, [t]);

  if (!token) {
    return (
      <main className="wall wall-message" id="main">
        <p>{t.wall.noToken}</p>
      </main>
    );
  }
  return (
    <main className={`wall${layout.dense ? ' wall-dense' : ''}`} id="main" data-testid="wall" data-connection={socket}>
      <header className="wall-header">
        <div className="wall-titles">
          <h1>{t.wall.title}</h1>
          <p className="wall-org">{settings?.organisationName}</p>
        </div>
        <div className="wall-header-end">
          {calendar && !revoked && <WallClock offsetMs={offsetMs} timeZone={calendar.timeZone} />}
          <LanguageSwitch />
        </div>
      </header>
      {revoked && (
        <div className="wall-revoked" role="alert" data-testid="wall-revoked">
          {t.wall.revoked}
        </div>
      )}
      {offline && (
        <div className="wall-offline" role="alert" data-testid="wall-offline">
          {t.app.connection.offline}
        </div>
      )}
      {problem === 'bad-token' && (
        <div className="wall-offline" role="alert">
          {t.wall.badToken}
        </div>
      )}
      <div className="wall-body" hidden={revoked || !settings || !calendar}>
        <div className="wall-rows-area" ref={area.ref}>
          {settings && calendar && !revoked && rows.length === 0 && <p className="wall-empty">{t.wall.empty}</p>}
          {settings && calendar && !revoked && rows.length > 0 && (
            <ol className="wall-rows" data-testid="wall-rows">
              <WallRows rows={layout.pinned} calendar={calendar} offsetMs={offsetMs} kind="pinned" />
              <WallRows rows={layout.paged} calendar={calendar} offsetMs={offsetMs} kind="paged" />
            </ol>
          )}
        </div>
        {settings && !revoked && (
          <div className="wall-side-area">
            <WallTotals rows={rows} now={now} maxDepartments={maxDepartments} />
          </div>
        )}
      </div>
      <footer className="wall-footer" hidden={revoked || !settings}>
        {layout.paging !== null && (
          <p className="wall-page" data-testid="wall-page">
            {fill(layout.paging === 'urgent' ? t.wall.pageUrgent : t.wall.page, {
              page: layout.page + 1,
              pages: layout.pages,
            })}
          </p>
        )}
        {layout.restHidden > 0 && (
          <p className="wall-page" data-testid="wall-rest-hidden">
            {fill(t.wall.restHidden, { count: layout.restHidden })}
          </p>
        )}
      </footer>
    </main>
  );
}
