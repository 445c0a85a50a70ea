// Saved views of the board: a name for the current filters and sort, one click to bring them back. Kept per person in
// this browser (stores/board-views.ts).
import { type FormEvent, useState } from 'react';
import { fill, useT } from '../../i18n';
import { useBoardViews } from '../../stores/board-views';

export function SavedViews(props: { readonly query: string; readonly onApply: (query: string) => void }) {
  const t = useT();
  const views = useBoardViews((s) => s.views);
  const save = useBoardViews((s) => s.save);
  const remove = useBoardViews((s) => s.remove);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setMessage(t.board.viewNameRequired);
      return;
    }
    setMessage(
      save({ name: trimmed, query: props.query }) ? fill(t.board.viewSaved, { name: trimmed }) : t.board.viewNotStored,
    );
    setName('');
  };
  return (
    <div className="board-views">
      {views.length > 0 && (
        <ul className="board-view-list" aria-label={t.board.views}>
          {views.map((v) => (
            <li key={v.name} className="board-view">
              <button
                type="button"
                className={`chip${v.query === props.query ? ' chip-active' : ''}`}
                aria-pressed={v.query === props.query}
                onClick={() => props.onApply(v.query)}
              >
                {v.name}
              </button>
              <button
                type="button"
                className="button-link board-view-remove"
                aria-label={fill(t.board.viewRemove, { name: v.name })}
                onClick={() => remove(v.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="board-view-form" onSubmit={submit}>
        <label className="field">
          <span>{t.board.viewName}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </label>
        <button type="submit" className="button-secondary">
          {t.board.viewSave}
        </button>
        <span className="muted board-view-message" role="status">
          {message}
        </span>
      </form>
    </div>
  );
}
