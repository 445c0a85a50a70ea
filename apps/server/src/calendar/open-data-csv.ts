// Reads the government's open-data production calendar (data.gov.ru, dataset 7708660670-proizvcalendar) as CSV:
// one row per year; the columns "Год/Месяц", "Январь" … "Декабрь" (each month's days off, comma-separated,
// "*" after a shortened pre-holiday working day, "+" after a transferred day off), then the year's totals
// ("Всего рабочих дней", "Всего праздничных и выходных дней", "Количество рабочих часов при 40-часовой рабочей
// неделе", and the 36- and 24-hour variants, which are not used).
import { type CalendarFileProblem, calendarProblemText } from '@otklik/contract';
import type { OpenDataYear, YearTotals } from '@otklik/domain';
import { parseCsv } from '../intake/csv';

export const YEAR_HEADER = 'Год/Месяц';
export const MONTH_HEADERS = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
] as const;
const TOTAL_HEADERS: Record<keyof YearTotals, string> = {
  workingDays: 'Всего рабочих дней',
  daysOff: 'Всего праздничных и выходных дней',
  hours40: 'Количество рабочих часов при 40-часовой рабочей неделе',
};

/** The file is not the open data's calendar: the problem as the server catalogue words it. */
export class OpenDataFormatError extends Error {
  constructor(readonly problem: CalendarFileProblem) {
    super(`${calendarProblemText(problem, 'ru')} / ${calendarProblemText(problem, 'en')}`);
  }
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every year row of the file. Throws OpenDataFormatError when the columns are not the open data's. */
export function parseOpenDataCsv(text: string): OpenDataYear[] {
  const records = parseCsv(text);
  const header = records[0]?.fields.map(norm);
  if (!header) throw new OpenDataFormatError({ code: 'empty' });
  const column = (name: string) => header.indexOf(norm(name));
  const yearCol = column(YEAR_HEADER);
  const monthCols = MONTH_HEADERS.map(column);
  const missing = [YEAR_HEADER, ...MONTH_HEADERS].filter((_, i) => (i === 0 ? yearCol : monthCols[i - 1]!) < 0);
  if (missing.length > 0) {
    throw new OpenDataFormatError({ code: 'missing-columns', columns: missing });
  }
  const totalCols = Object.entries(TOTAL_HEADERS).map(([k, name]) => [k as keyof YearTotals, column(name)] as const);
  return records.slice(1).map((record) => {
    const cell = (i: number) => (i >= 0 ? (record.fields[i] ?? '').trim() : '');
    const yearText = cell(yearCol);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isNaN(year)) {
      throw new OpenDataFormatError({ code: 'not-a-year', line: record.line, value: yearText });
    }
    const stated: Partial<Record<keyof YearTotals, number>> = {};
    for (const [key, i] of totalCols) {
      const value = cell(i).replace(',', '.');
      if (value !== '' && Number.isFinite(Number(value))) stated[key] = Number(value);
    }
    return { year, months: monthCols.map((i) => cell(i).split(',')), stated };
  });
}
