// Saves report tables as CSV files for Excel (UTF-8 with BOM, ';' and decimal commas: see @otklik/domain toCsv).
import { type CsvCell, type SummaryTable, tableRows, toCsv } from '@otklik/domain';

function save(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadTable(table: SummaryTable, month: string) {
  save(`otklik-${month}-${table.id}.csv`, toCsv(tableRows(table)));
}

export function downloadAll(tables: readonly SummaryTable[], month: string, title: string) {
  const rows: CsvCell[][] = [[title]];
  for (const t of tables) rows.push([], [t.title], ...tableRows(t).map((r) => [...r]));
  save(`otklik-${month}-summary.csv`, toCsv(rows));
}
