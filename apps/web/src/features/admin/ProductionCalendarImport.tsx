// Loading production-calendar years from the government's open-data CSV (shared by every organisation): the file,
// the year when it has several, the totals to compare with the decree, and the years already loaded.

import { type CalendarFileProblem, calendarProblemText } from '@otklik/contract';
import { type FormEvent, useState } from 'react';
import { toReadableError } from '../../api/errors';
import { api } from '../../api/trpc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useAsync } from '../../components/use-async';
import { fill, useT } from '../../i18n';
import { useSession } from '../../stores/session';

interface Outcome {
  readonly year: number;
  readonly totals: { readonly workingDays: number; readonly daysOff: number; readonly hours40: number };
}

export function ProductionCalendarImport(props: { readonly onChange: () => void }) {
  const t = useT();
  const lang = t.lang.code as 'ru' | 'en';
  // The years serve every organisation: only a region administrator loads or removes them (the server says so too).
  const regionAdmin = useSession((s) => s.user?.regionAdministrator === true);
  const list = useAsync(() => api.calendar.status.query(), []);
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<readonly Outcome[]>([]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblems([]);
    setDone([]);
    if (!file) {
      setProblems([t.productionCalendar.noFile]);
      return;
    }
    if (year && !/^\d{4}$/.test(year.trim())) {
      setProblems([t.productionCalendar.badYear]);
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const result = await api.calendar.importOpenData.mutate({
        fileName: file.name,
        text,
        years: year.trim() ? [Number(year.trim())] : undefined,
      });
      setDone(result.outcomes);
      list.reload();
      props.onChange();
    } catch (err) {
      // Every problem of the file on its own line, in the reader's language (the server catalogue's words).
      const data = (err as { data?: { key?: unknown; params?: { problems?: unknown } } }).data;
      const problems = data?.key === 'calendar.file-refused' ? data.params?.problems : undefined;
      setProblems(
        Array.isArray(problems)
          ? problems.map((p) => calendarProblemText(p as CalendarFileProblem, lang))
          : [toReadableError(err, t).message],
      );
    } finally {
      setBusy(false);
    }
  };

  const remove = async (y: number) => {
    try {
      await api.calendar.removeImportedYear.mutate({ year: y });
    } finally {
      list.reload();
      props.onChange();
    }
  };

  const imported = list.data?.imported ?? [];
  return (
    <section className="production-calendar" aria-labelledby="production-calendar-title">
      <h3 id="production-calendar-title">{t.productionCalendar.title}</h3>
      <p className="muted">{t.productionCalendar.help}</p>
      {!regionAdmin && <p className="muted">{t.productionCalendar.regionOnly}</p>}
      {regionAdmin && (
        <form className="admin-form" onSubmit={submit} noValidate>
          <Field label={t.productionCalendar.file}>
            <input
              type="file"
              name="calendar-file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Field>
          <Field label={t.productionCalendar.year}>
            <input name="calendar-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
          </Field>
          {problems.length > 0 && (
            <div className="error-message" role="alert">
              <p>{t.productionCalendar.refused}</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {done.map((o) => (
            <p key={o.year} className="success-message" role="status">
              {fill(t.productionCalendar.imported, {
                year: String(o.year),
                days: String(o.totals.workingDays),
                hours: String(o.totals.hours40),
              })}
            </p>
          ))}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t.productionCalendar.importing : t.productionCalendar.submit}
          </button>
        </form>
      )}
      <h4>{t.productionCalendar.importedYears}</h4>
      <ErrorMessage error={list.error} onRetry={list.reload} />
      {imported.length === 0 ? (
        <p className="muted">{t.productionCalendar.none}</p>
      ) : (
        <ul className="imported-years">
          {imported.map((y) => (
            <li key={y.year}>
              {fill(t.productionCalendar.row, {
                year: String(y.year),
                days: String(y.workingDays),
                hours: String(y.hours40),
                file: y.fileName,
                date: new Intl.DateTimeFormat(t.lang.locale, { dateStyle: 'short' }).format(y.importedAt),
              })}{' '}
              {regionAdmin && (
                <button type="button" className="button-link" onClick={() => void remove(y.year)}>
                  {t.admin.remove}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
