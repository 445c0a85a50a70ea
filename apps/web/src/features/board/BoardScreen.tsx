// The curator's home: every open case, nearest deadline first, with filters, sort and search in the URL, counts that
// are filters too, saved views, quick approval and keyboard shortcuts (j/k, Enter, a, /). Rows update live (the
// socket feeds the cases store; this screen only reads it).
import { mayApprove } from '@otklik/domain';
import { useServerNowUntil } from '@otklik/ui';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { loadBoard } from '../../api/board';
import { executeCommand, loadCaseDetail } from '../../api/cases';
import type { BoardCase, Option } from '../../api/types';
import { CalendarWarning } from '../../components/CalendarWarning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty, Loading } from '../../components/Loading';
import { fill, useT } from '../../i18n';
import { useBoardViews } from '../../stores/board-views';
import { useCases } from '../../stores/cases';
import { useClock } from '../../stores/clock';
import { useDirectory } from '../../stores/directory';
import { useSession } from '../../stores/session';
import { BoardFilters, type FilterOptions } from './BoardFilters';
import { BoardList } from './BoardList';
import {
  type BoardFilters as Filters,
  filterCases,
  filtersFromParams,
  nextUrgencyChange,
  QUERY_KEYS,
  type SortKey,
  sortCases,
  sortFromParams,
  URGENCIES,
} from './filter-cases';
import { SavedViews } from './SavedViews';
import { StatusCounts } from './StatusCounts';
import { useBoardShortcuts } from './use-board-shortcuts';

const NETWORKS = ['vk', 'ok', 'telegram', 'instagram', 'facebook', 'twitter', 'messenger', 'site', 'other'] as const;
const CATEGORIES = ['ordinary', 'fast-track', 'high'] as const;
/** The URL follows the search box after a short pause; the box itself never waits for it. */
const SEARCH_TO_URL_MS = 250;

/** The board's own part of the query string, in a stable order (saved views compare it). */
function boardQuery(params: URLSearchParams, search: string): string {
  const out = new URLSearchParams();
  for (const k of QUERY_KEYS) {
    const v = k === 'q' ? search : params.get(k);
    if (v) out.set(k, v);
  }
  return out.toString();
}

/**
 * The search text as the screen's own state: typing changes it at once and the URL follows after a pause. A `q`
 * arriving from the URL (reset, a saved view, back/forward) replaces the text, unless it is the echo of a value this
 * screen wrote itself: a late echo must never put back letters already typed over.
 */
function useSearchText(
  urlQ: string,
  writeUrl: (q: string) => void,
): [string, (q: string) => void, (q: string) => void] {
  const [text, setText] = useState(urlQ);
  const written = useRef(new Set<string>());
  useEffect(() => {
    if (written.current.has(urlQ)) {
      written.current.delete(urlQ);
      return;
    }
    setText(urlQ);
  }, [urlQ]);
  useEffect(() => {
    if (text === urlQ) return;
    const timer = setTimeout(() => {
      written.current.add(text);
      writeUrl(text);
    }, SEARCH_TO_URL_MS);
    return () => clearTimeout(timer);
  }, [text, urlQ, writeUrl]);
  /** Sets the text and the URL together (a saved view), without waiting. */
  const replace = (q: string) => setText(q);
  return [text, setText, replace];
}

export function BoardScreen() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const sort = useMemo(() => sortFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const byId = useCases((s) => s.byId);
  const loaded = useCases((s) => s.loaded);
  const organisations = useDirectory((s) => s.organisations);
  const departments = useDirectory((s) => s.departments);
  const user = useSession((s) => s.user);
  const loadViews = useBoardViews((s) => s.loadFor);
  const offsetMs = useClock((s) => s.offsetMs);
  const all = useMemo(() => [...byId.values()], [byId]);
  // The counts and the urgency filter change only when some case reaches its at-risk or breach instant: the screen
  // redraws at those instants (and on new data), not on every tick — 10,000 rows cost nothing per second.
  const nextChange = useCallback((at: number) => nextUrgencyChange(all, at), [all]);
  const now = useServerNowUntil(offsetMs, nextChange);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [approvingId, setApprovingId] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  /** On a phone the status chips, filters and saved views fold behind one button, so the first case is on screen. */
  const [filtersOpen, setFiltersOpen] = useState(false);

  const load = useCallback(() => {
    setError(null);
    loadBoard().catch(setError);
  }, []);
  useEffect(load, []);
  useEffect(() => {
    if (user) loadViews(user.id);
  }, [user, loadViews]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const writeSearch = useCallback(
    (q: string) =>
      update((next) => {
        if (q) next.set('q', q);
        else next.delete('q');
      }),
    [update],
  );
  const [search, setSearch, replaceSearch] = useSearchText(filters.q, writeSearch);
  const deferredSearch = useDeferredValue(search);

  // Urgency changes with time: only a board filtered by urgency needs the time (the same instant as the counts).
  const judgeAt = filters.urgency ? now : 0;
  const effective = useMemo<Filters>(() => ({ ...filters, q: deferredSearch }), [filters, deferredSearch]);
  const shown = useMemo(() => sortCases(filterCases(all, effective, judgeAt), sort), [all, effective, judgeAt, sort]);
  const urgencyBase = useMemo(() => filterCases(all, { ...effective, urgency: '' }, 0), [all, effective]);
  const statusBase = useMemo(() => filterCases(all, { ...effective, status: '' }, judgeAt), [all, effective, judgeAt]);

  const options = useMemo<FilterOptions>(() => {
    const topics = [...new Set(all.map((c) => c.topic).filter((x): x is string => !!x))].sort();
    const statuses = [...new Set(all.map((c) => c.status))];
    const opt = (value: string, label: string): Option => ({ value, label });
    return {
      org: organisations.map((o) => opt(o.id, o.name)),
      dept: departments.map((d) => opt(d.id, d.name)),
      category: CATEGORIES.map((c) => opt(c, t.category[c])),
      status: statuses.map((s) => opt(s, (t.status as Record<string, string>)[s] ?? s)),
      network: NETWORKS.map((n) => opt(n, t.network[n])),
      topic: topics.map((x) => opt(x, x)),
      urgency: URGENCIES.map((u) => opt(u, t.clockStatus[u])),
    };
  }, [all, organisations, departments, t]);

  const setFilter = (key: keyof Filters, value: string) => {
    if (key === 'q') {
      setSearch(value);
      return;
    }
    update((next) => {
      if (value) next.set(key, value);
      else next.delete(key);
    });
  };
  const onSort = (key: SortKey) =>
    update((next) => {
      const dir = sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
      if (key === 'due' && dir === 'asc') next.delete('sort');
      else next.set('sort', key);
      if (dir === 'asc') next.delete('dir');
      else next.set('dir', dir);
    });
  const reset = () => {
    replaceSearch('');
    update((next) => {
      for (const k of QUERY_KEYS) if (k !== 'sort' && k !== 'dir') next.delete(k);
    });
  };
  const applyView = (query: string) => {
    const view = new URLSearchParams(query);
    replaceSearch(view.get('q') ?? '');
    update((next) => {
      for (const k of QUERY_KEYS) {
        const v = view.get(k);
        if (v) next.set(k, v);
        else next.delete(k);
      }
    });
  };

  const approve = async (row: BoardCase) => {
    // The domain's rule decides what is offered; the server's decider checks it again on the real state.
    if (!user || !mayApprove(row.status, user) || approvingId) return;
    setApprovingId(row.id);
    setActionError(null);
    setNotice(null);
    try {
      const version = row.version ?? (await loadCaseDetail(row.id)).version;
      await executeCommand(row.id, version, { type: 'approve' });
      // The approved row arrives with the live change, like anyone else's.
      setNotice(fill(t.board.approved, { number: row.number }));
    } catch (e) {
      setActionError(e);
    } finally {
      setApprovingId(null);
    }
  };

  // One function for the list's whole life: the rows are memoised, and a new function on every redraw of this screen
  // (at each urgency instant) would redraw every visible row.
  const approveRef = useRef(approve);
  approveRef.current = approve;
  const onApprove = useCallback((row: BoardCase) => void approveRef.current(row), []);

  useBoardShortcuts({
    rows: shown,
    selectedId,
    select: setSelectedId,
    open: (row) => navigate(`/cases/${row.id}`),
    approve: (row) => void approve(row),
    focusSearch: () => {
      setFiltersOpen(true);
      // At once where the box is shown; on a phone the folded panel opens in this render and the box takes the
      // focus once it is shown.
      searchRef.current?.focus();
      if (document.activeElement !== searchRef.current) requestAnimationFrame(() => searchRef.current?.focus());
    },
  });
  const activeFilters =
    (Object.keys(filters) as (keyof Filters)[]).filter((k) => k !== 'q' && filters[k] !== '').length +
    (search !== '' ? 1 : 0);

  return (
    <section
      className="page board-page"
      aria-labelledby="board-title"
      data-filters-open={filtersOpen ? 'true' : 'false'}
    >
      <div className="board-title-line">
        <h1 id="board-title">{t.board.title}</h1>
        <p className="muted board-keys">{t.board.shortcuts}</p>
      </div>
      <CalendarWarning />
      <ErrorMessage error={error} onRetry={load} />
      <ErrorMessage error={actionError} />
      {notice && (
        <p className="board-notice" role="status">
          {notice}
        </p>
      )}
      <StatusCounts
        total={all.length}
        shown={shown.length}
        urgencyBase={urgencyBase}
        statusBase={statusBase}
        now={now}
        status={filters.status}
        urgency={filters.urgency}
        onStatus={(s) => setFilter('status', s)}
        onUrgency={(u) => setFilter('urgency', u)}
      />
      <button
        type="button"
        className="button-secondary board-filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="board-filter-panel"
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        {t.board.filters}
        {activeFilters > 0 && (
          <span className="count-badge">
            <span aria-hidden="true">{activeFilters}</span>
            <span className="visually-hidden">, {fill(t.board.filtersActive, { count: activeFilters })}</span>
          </span>
        )}
      </button>
      <div id="board-filter-panel" className="board-filter-panel">
        <BoardFilters
          filters={filters}
          search={search}
          options={options}
          onChange={setFilter}
          onSearch={setSearch}
          onReset={reset}
          searchRef={searchRef}
        />
        <SavedViews query={boardQuery(params, search)} onApply={applyView} />
      </div>
      {!loaded ? (
        error ? null : (
          <Loading />
        )
      ) : shown.length === 0 ? (
        <Empty>{all.length === 0 ? t.board.empty : t.board.emptyFiltered}</Empty>
      ) : (
        <BoardList
          rows={shown}
          sort={sort}
          onSort={onSort}
          selectedId={selectedId}
          onSelect={setSelectedId}
          approvingId={approvingId}
          onApprove={onApprove}
        />
      )}
    </section>
  );
}
