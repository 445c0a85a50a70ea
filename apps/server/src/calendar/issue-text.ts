// The words of a calendar import's issues (the domain names them by code), in Russian and English, one per line.
import type { CalendarImportIssue } from '@otklik/domain';

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const FIELDS = {
  workingDays: ['рабочих дней', 'working days'],
  daysOff: ['выходных и праздничных дней', 'days off'],
  hours40: ['часов при 40-часовой неделе', 'hours of a 40-hour week'],
} as const;

export function issueText(issue: CalendarImportIssue): string {
  switch (issue.code) {
    case 'bad-year':
      return `Год ${issue.params.value} вне допустимого диапазона / year ${issue.params.value} is out of range`;
    case 'month-count':
      return `Нужно 12 месяцев, а их ${issue.params.count} / expected 12 months, got ${issue.params.count}`;
    case 'bad-day':
      return (
        `«${issue.params.value}» — не день ${MONTHS[issue.params.month - 1]} / ` +
        `"${issue.params.value}" is not a day of month ${issue.params.month}`
      );
    case 'duplicate-day':
      return `${issue.params.date} указан дважды / ${issue.params.date} is listed twice`;
    case 'holiday-working':
      return (
        `${issue.params.date} — нерабочий праздник (ТК РФ ст. 112), а в файле он рабочий / ` +
        `${issue.params.date} is a public holiday (Labour Code art. 112) but the file has it as a working day`
      );
    case 'shortened-weekend':
      return `${issue.params.date} — воскресенье, он не может быть сокращённым / ${issue.params.date} is a Sunday`;
    case 'totals-mismatch': {
      const [ru, en] = FIELDS[issue.params.field];
      return (
        `В файле ${ru}: ${issue.params.stated}, а по дням выходит ${issue.params.computed} / ` +
        `the file states ${issue.params.stated} ${en}, its days give ${issue.params.computed}`
      );
    }
  }
}
