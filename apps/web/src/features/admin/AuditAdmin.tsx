// The audit log for the administrator: newest first, filtered by period, action and text, a page at a time, and the
// same filter as a CSV file.
import { auditActionLabel } from '@otklik/contract';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { saveCsvFile } from '../../components/save-file';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { useDirectory } from '../../stores/directory';
import { AdminTable } from './AdminListForm';
import { useAdminForm } from './use-admin-form';

type Filters = Parameters<typeof api.audit.list.query>[0] & object;
type Entry = Awaited<ReturnType<typeof api.audit.list.query>>['entries'][number];

const DAY = 86_400_000;

export function AuditAdmin() {
  const t = useT();
  const lang = t.lang.code as 'ru' | 'en';
  const timeZone = useDirectory((s) => s.organisations[0]?.timeZone ?? 'Europe/Moscow');
  const actions = useAsync(() => api.audit.actions.query(), []);
  const [draft, setDraft] = useState({ action: '', text: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>({});
  const [more, setMore] = useState<Entry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const page = useAsync(async () => {
    const r = await api.audit.list.query({ ...filters, limit: 100 });
    setMore([]);
    setNext(r.nextBefore);
    return r.entries;
  }, [filters]);
  const exporting = useAdminForm();
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const at = (date: string, plus = 0) => (date ? Date.parse(`${date}T00:00:00Z`) + plus : undefined);
    setFilters({
      ...(draft.action ? { action: draft.action as Filters['action'] } : {}),
      ...(draft.text.trim() ? { text: draft.text.trim() } : {}),
      ...(draft.from ? { from: at(draft.from) } : {}),
      ...(draft.to ? { to: at(draft.to, DAY) } : {}),
    });
  };
  const loadMore = async () => {
    if (next === null) return;
    const r = await api.audit.list.query({ ...filters, before: next, limit: 100 });
    setMore((m) => [...m, ...r.entries]);
    setNext(r.nextBefore);
  };
  const exportCsv = () =>
    void exporting.submit(async () => {
      const { before: _b, limit: _l, ...rest } = filters as Filters & { before?: number; limit?: number };
      // The file in the reader's language, as the screen.
      const file = await api.audit.exportCsv.query({ ...rest, lang });
      saveCsvFile(file.fileName, file.csv);
    });
  const rows = [...(page.data ?? []), ...more];
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.audit}</h2>
      <form className="admin-form admin-filters" onSubmit={apply}>
        <Field label={t.audit.action}>
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">{t.audit.anyAction}</option>
            {(actions.data ?? []).map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.audit.search}>
          <input value={draft.text} maxLength={200} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
        </Field>
        <Field label={t.audit.from}>
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field label={t.audit.to}>
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <button type="submit">{t.audit.apply}</button>
        <button type="button" onClick={exportCsv} disabled={exporting.busy}>
          {t.audit.exportCsv}
        </button>
      </form>
      {exporting.error && (
        <p className="error-message" role="alert">
          {exporting.error.message}
        </p>
      )}
      {page.error ? (
        <ErrorMessage error={page.error} onRetry={page.reload} />
      ) : !page.data ? (
        <Loading />
      ) : (
        <AdminTable
          rows={rows}
          columns={[
            { header: t.audit.at, cell: (r) => formatDateTime(r.at, timeZone, t.lang.locale) },
            {
              header: t.audit.action,
              cell: (r) => auditActionLabel(r.action, lang),
            },
            { header: t.audit.who, cell: (r) => r.actorLogin ?? t.admin.none },
            {
              header: t.audit.target,
              cell: (r) => (r.targetType ? `${r.targetType} ${r.targetId ?? ''}` : t.admin.none),
            },
            { header: t.audit.ip, cell: (r) => r.ip ?? t.admin.none },
            { header: t.audit.details, cell: (r) => <code>{JSON.stringify(r.details)}</code> },
          ]}
        />
      )}
      {next !== null && (
        <button type="button" onClick={() => void loadMore()}>
          {t.audit.more}
        </button>
      )}
    </div>
  );
}
