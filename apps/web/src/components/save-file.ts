// Hands a text the browser made (a CSV export) to the user as a download.

/** Saves `text` as a CSV file named `fileName` (the caller makes the CSV: see @otklik/domain toCsv). */
export function saveCsvFile(fileName: string, text: string) {
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
