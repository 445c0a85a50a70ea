// Saves report tables as CSV files for Excel (UTF-8 with BOM, ';' and decimal commas: see @otklik/domain toCsv).
import { type CsvCell, type SummaryTable, tableRows, toCsv } from '@otklik/domain';
import { saveCsvFile as save } from '../../components/save-file';

export function downloadTable(table: SummaryTable, month: string) {
  save(`otklik-${month}-${table.id}.csv`, toCsv(tableRows(table)));
}

export function downloadAll(tables: readonly SummaryTable[], month: string, title: string) {
  const rows: CsvCell[][] = [[title]];
  for (const t of tables) rows.push([], [t.title], ...tableRows(t).map((r) => [...r]));
  save(`otklik-${month}-summary.csv`, toCsv(rows));
}
