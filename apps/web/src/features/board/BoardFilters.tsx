// Board filters and search. Filters live in the URL (?dept=…&q=…) so a filtered board can be shared or reloaded; the
// search text itself is the screen's own state (see BoardScreen), never read back from the URL while typing.
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
  readonly urgency: readonly Option[];
}

type SelectKey = keyof FilterOptions;

export function BoardFilters(props: {
  readonly filters: Filters;
  readonly options: FilterOptions;
  readonly onChange: (key: keyof Filters, value: string) => void;
  /** The search box's text: state of the screen, authoritative while someone types. */
  readonly search: string;
  readonly onSearch: (q: string) => void;
  readonly onReset: () => void;
  readonly searchRef: React.Ref<HTMLInputElement>;
}) {
  const t = useT();
  const labels: Record<SelectKey, string> = {
    org: t.board.organisation,
    dept: t.board.department,
    category: t.board.category,
    status: t.board.status,
    network: t.board.network,
    topic: t.board.topic,
    urgency: t.board.urgency,
  };
  const keys: SelectKey[] = ['org', 'urgency', 'dept', 'category', 'status', 'network', 'topic'];
  const active = props.search !== '' || Object.values(props.filters).some((v) => v !== '');
  return (
    <search className="board-filters" aria-label={t.board.filters}>
      <label className="field field-search">
        <span>{t.board.search}</span>
        <input
          ref={props.searchRef}
          type="search"
          value={props.search}
          placeholder={t.board.searchPlaceholder}
          aria-keyshortcuts="/"
          onChange={(e) => props.onSearch(e.target.value)}
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
