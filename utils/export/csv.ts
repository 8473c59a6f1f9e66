import Papa from 'papaparse';

/** CSV text for a table, quoted the way spreadsheet programs expect; a BOM keeps Excel on UTF-8. */
export function toCsv(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  return `\uFEFF${Papa.unparse({ fields: headers, data: rows.map((row) => row.map((cell) => cell ?? '')) }, { newline: '\r\n', escapeFormulae: true })}`;
}

/** Offers the text as a file download from an extension page. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "collab-desk-northwind.outdoor-2026-11-22.csv" */
export function csvFileName(...parts: string[]): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${['collab-desk', ...parts, day].map((part) => part.replace(/[^a-z0-9._-]+/gi, '-')).join('-')}.csv`;
}
