import Papa from 'papaparse';
import { downloadFile } from './download';

/**
 * Characters a spreadsheet starts a formula with (Excel, LibreOffice, Google Sheets, Numbers),
 * their full-width forms, which some of them also accept, and the tab and line breaks after
 * which a cell may be read afresh.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/u;
/** What a spreadsheet may skip before the first character: every kind of space and line or paragraph separator. */
const SKIPPED_BEFORE = /^[\s\u0085\u180E\u200B-\u200D\u2028\u2029\uFEFF]+/u;

/**
 * A cell a spreadsheet would run as a formula, made inert by a leading apostrophe (shown as
 * text, not as part of the value, by Excel and LibreOffice). Our own rule, so that no
 * invisible lead-in hides a formula from it.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) || FORMULA_START.test(cell.replace(SKIPPED_BEFORE, '')) ? `'${cell}` : cell;
}

/** CSV text for a table, quoted the way spreadsheet programs expect; a BOM keeps Excel on UTF-8. */
export function toCsv(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : (cell ?? ''))));
  return `\uFEFF${Papa.unparse({ fields: headers.map(neutraliseFormula), data }, { newline: '\r\n' })}`;
}

/** Offers the CSV text as a file download from an extension page. */
export function downloadCsv(fileName: string, csv: string): void {
  downloadFile(fileName, csv, 'text/csv;charset=utf-8');
}

/** "collab-desk-northwind.outdoor-2026-11-22.csv" */
export function csvFileName(...parts: string[]): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${['collab-desk', ...parts, day].map((part) => part.replace(/[^a-z0-9._-]+/gi, '-')).join('-')}.csv`;
}
