// Board filters and search, every value kept in the URL (?dept=…&q=…) so a filtered board can be shared or reloaded.
import type { Option } from '../../api/types';
import { useT } from '../../i18n';
import type { BoardFilters as Filters } from './filter-cases';

export interface FilterOptions {
  readonly org: readonly Option[];
  readonly dept: readonly Option[];
  readonly category: readonly Option[];
  readonly status: readonly Option[];
  readonly network: readonly Option[];
  readonly topic: readonly Option[];
}

type SelectKey = keyof FilterOptions;

export function BoardFilters(props: {
  readonly filters: Filters;
  readonly options: FilterOptions;
  readonly onChange: (key: keyof Filters, value: string) => void;
  readonly onReset: () => void;
}) {
  const t = useT();
  const labels: Record<SelectKey, string> = {
    org: t.board.organisation,
    dept: t.board.department,
    category: t.board.category,
    status: t.board.status,
    network: t.board.network,
    topic: t.board.topic,
  };
  const keys: SelectKey[] = ['org', 'dept', 'category', 'status', 'network', 'topic'];
  const active = Object.values(props.filters).some((v) => v !== '');
  return (
    <search className="board-filters" aria-label={t.board.filters}>
      <label className="field field-search">
        <span>{t.board.search}</span>
        <input
          type="search"
          value={props.filters.q}
          placeholder={t.board.searchPlaceholder}
          onChange={(e) => props.onChange('q', e.target.value)}
        />
      </label>
      {keys
        .filter((k) => k !== 'org' || props.options.org.length > 1)
        .map((k) => (
          <label key={k} className="field">
            <span>{labels[k]}</span>
            <select value={props.filters[k]} onChange={(e) => props.onChange(k, e.target.value)}>
              <option value="">{t.board.allOption}</option>
              {props.options[k].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      {active && (
        <button type="button" className="button-link" onClick={props.onReset}>
          {t.board.reset}
        </button>
      )}
    </search>
  );
}
