// The organisation's calendar: two months of days with their status and source decree, the administrator's extra
// days off and working days, and the time zone every deadline is counted in.
import type { DayInfo } from '@otklik/domain';
import { type FormEvent, useState } from 'react';
import { loadDirectory } from '../../api/directory';
import { api } from '../../api/trpc';
import { CalendarWarning } from '../../components/CalendarWarning';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useAsync } from '../../components/use-async';
import { useT } from '../../i18n';
import { FormSubmit } from './FormStatus';
import { ProductionCalendarImport } from './ProductionCalendarImport';
import { useAdminForm } from './use-admin-form';

function monthRange(): { from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** A Monday-to-Sunday week, to name the columns in the current language. */
const WEEKDAY_SAMPLE = [
  '2024-01-01',
  '2024-01-02',
  '2024-01-03',
  '2024-01-04',
  '2024-01-05',
  '2024-01-06',
  '2024-01-07',
];

function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

const lines = (s: string) =>
  s
    .split(/\s+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function CalendarAdmin() {
  const t = useT();
  const data = useAsync(() => api.calendar.days.query(monthRange()), []);
  const form = useAdminForm();
  const zoneForm = useAdminForm();
  const [daysOff, setDaysOff] = useState<string | null>(null);
  const [workDays, setWorkDays] = useState<string | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  /** Bumped after an import, so the warning asks the server again. */
  const [years, setYears] = useState(0);
  if (!data.data) return data.error ? <ErrorMessage error={data.error} onRetry={data.reload} /> : <Loading />;
  const overrides = (data.data.overrides ?? {}) as { extraDaysOff?: string[]; extraWorkingDays?: { date: string }[] };
  const offText = daysOff ?? (overrides.extraDaysOff ?? []).join('\n');
  const workText = workDays ?? (overrides.extraWorkingDays ?? []).map((d) => d.date).join('\n');
  const saveOverrides = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await form.submit(() =>
      api.calendar.setOverrides.mutate({
        extraDaysOff: lines(offText),
        extraWorkingDays: lines(workText).map((date) => ({ date })),
      }),
    );
    if (ok) {
      data.reload();
      void loadDirectory();
    }
  };
  const saveZone = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await zoneForm.submit(() =>
      api.calendar.setTimeZone.mutate({ timeZone: (zone ?? data.data!.timeZone).trim() }),
    );
    if (ok) void loadDirectory();
  };
  return (
    <div className="admin-section">
      <h2>{t.admin.sections.calendar}</h2>
      <CalendarWarning nonce={years} />
      <div className="calendar-weekdays" aria-hidden="true">
        {WEEKDAY_SAMPLE.map((d) => (
          <span key={d}>
            {new Intl.DateTimeFormat(t.lang.locale, { weekday: 'short', timeZone: 'UTC' }).format(Date.parse(d))}
          </span>
        ))}
      </div>
      <ol className="calendar-days">
        {(data.data.days as DayInfo[]).map((d, i) => (
          <li
            key={d.date}
            className={`day day-${d.kind}${d.isWorkingDay ? '' : ' day-off'}`}
            title={d.source}
            // The first day sits under its weekday; the rest follow in the 7-column grid.
            style={i === 0 ? { gridColumnStart: isoWeekday(d.date) } : undefined}
          >
            <span className="day-date">
              {d.date.slice(8)}.{d.date.slice(5, 7)}
            </span>
            <span className="day-hours">
              {d.intervals.map(([a, b]) => `${Math.floor(a / 60)}–${Math.floor(b / 60)}`).join(', ') || '—'}
            </span>
          </li>
        ))}
      </ol>
      <form className="admin-form" onSubmit={saveOverrides} noValidate ref={form.ref}>
        <Field label={t.admin.extraDaysOff} error={form.field('extraDaysOff')}>
          <textarea rows={3} value={offText} onChange={(e) => setDaysOff(e.target.value)} />
        </Field>
        <Field label={t.admin.extraWorkingDays} error={form.field('extraWorkingDays')}>
          <textarea rows={3} value={workText} onChange={(e) => setWorkDays(e.target.value)} />
        </Field>
        <FormSubmit form={form} label={t.app.save} />
      </form>
      <ProductionCalendarImport
        onChange={() => {
          setYears((n) => n + 1);
          data.reload();
          void loadDirectory();
        }}
      />
      <form className="admin-form" onSubmit={saveZone} noValidate ref={zoneForm.ref}>
        <Field label={t.admin.timeZone} error={zoneForm.field('timeZone')}>
          <input value={zone ?? data.data.timeZone} onChange={(e) => setZone(e.target.value)} />
        </Field>
        <FormSubmit form={zoneForm} label={t.app.save} />
      </form>
    </div>
  );
}
