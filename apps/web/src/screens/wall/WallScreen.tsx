// The wall display (/wall?token=…): full screen, read-only, large type, no personal data, auto-paging, totals per
// urgency and per department, a clock, and a visible lost-connection state that heals itself. Never a login prompt.
import { useServerNow } from '@otklik/ui';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { fill, useT } from '../../i18n';
import { useClock } from '../../stores/clock';
import { useUi } from '../../stores/ui';
import { filterAndSort, filtersFromParams } from '../board/filter-cases';
import { useWallData } from './use-wall-data';
import { WallClock } from './WallClock';
import { WallRows } from './WallRows';
import { WallTotals } from './WallTotals';

const PAGE_MS = 12_000;
const ROW_PX = 76;

function useRowsPerPage(): number {
  const [n, setN] = useState(() => Math.max(3, Math.floor((window.innerHeight - 360) / ROW_PX)));
  useEffect(() => {
    const on = () => setN(Math.max(3, Math.floor((window.innerHeight - 360) / ROW_PX)));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return n;
}

export function WallScreen() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { snapshot, calendar, problem } = useWallData(token);
  const socket = useUi((s) => s.connection);
  const offsetMs = useClock((s) => s.offsetMs);
  const now = useServerNow(offsetMs);
  const perPage = useRowsPerPage();
  const rows = useMemo(
    () => filterAndSort(snapshot?.cases ?? [], filtersFromParams(new URLSearchParams())),
    [snapshot],
  );
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const page = Math.floor(now / PAGE_MS) % pages;
  const offline = problem === 'offline' || (snapshot !== null && socket === 'offline');

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
    <main className="wall" id="main" data-testid="wall">
      <header className="wall-header">
        <div>
          <h1>{t.wall.title}</h1>
          <p className="wall-org">{snapshot?.organisationName}</p>
        </div>
        {calendar && <WallClock now={now} timeZone={calendar.timeZone} />}
        <LanguageSwitch />
      </header>
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
      {snapshot && calendar && (
        <>
          <WallTotals rows={rows} now={now} />
          {rows.length === 0 ? (
            <p className="wall-empty">{t.wall.empty}</p>
          ) : (
            <WallRows rows={rows.slice(page * perPage, (page + 1) * perPage)} calendar={calendar} offsetMs={offsetMs} />
          )}
          {pages > 1 && <p className="wall-page">{fill(t.wall.page, { page: page + 1, pages })}</p>}
        </>
      )}
    </main>
  );
}
