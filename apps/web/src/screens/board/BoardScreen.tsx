// The curator's home: every open case, nearest deadline first, with filters and search in the URL, counts on top and
// rows that update live (the socket feeds the cases store; this screen only reads it).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { loadBoard } from '../../api/board';
import type { Option } from '../../api/types';
import { CalendarWarning } from '../../components/CalendarWarning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Empty, Loading } from '../../components/Loading';
import { useT } from '../../i18n';
import { useCases } from '../../stores/cases';
import { useDirectory } from '../../stores/directory';
import { BoardFilters, type FilterOptions } from './BoardFilters';
import { BoardList } from './BoardList';
import { FILTER_KEYS, type BoardFilters as Filters, filterAndSort, filtersFromParams } from './filter-cases';
import { StatusCounts } from './StatusCounts';

const NETWORKS = ['vk', 'ok', 'telegram', 'instagram', 'facebook', 'twitter', 'messenger', 'site', 'other'] as const;
const CATEGORIES = ['ordinary', 'fast-track', 'high'] as const;

export function BoardScreen() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const byId = useCases((s) => s.byId);
  const loaded = useCases((s) => s.loaded);
  const organisations = useDirectory((s) => s.organisations);
  const departments = useDirectory((s) => s.departments);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    loadBoard().catch(setError);
  }, []);
  useEffect(load, []);

  const all = useMemo(() => [...byId.values()], [byId]);
  const shown = useMemo(() => filterAndSort(all, filters), [all, filters]);

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
    };
  }, [all, organisations, departments, t]);

  const setFilter = (key: keyof Filters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const reset = () => {
    const next = new URLSearchParams(params);
    for (const k of FILTER_KEYS) next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <section className="page board-page" aria-labelledby="board-title">
      <h1 id="board-title">{t.board.title}</h1>
      <CalendarWarning />
      <ErrorMessage error={error} onRetry={load} />
      <StatusCounts all={all} shown={shown} status={filters.status} onStatus={(s) => setFilter('status', s)} />
      <BoardFilters filters={filters} options={options} onChange={setFilter} onReset={reset} />
      {!loaded ? (
        error ? null : (
          <Loading />
        )
      ) : shown.length === 0 ? (
        <Empty>{all.length === 0 ? t.board.empty : t.board.emptyFiltered}</Empty>
      ) : (
        <BoardList rows={shown} />
      )}
    </section>
  );
}
