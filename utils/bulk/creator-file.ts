import Papa from 'papaparse';
import { checkUsername } from '../instagram/username';
import type { ListEntry } from './username-list';

/** The most creators one job takes; larger lists are split by the person. */
export const MAX_CREATORS = 10_000;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface CreatorFile {
  columns: string[];
  hasHeader: boolean;
  /** The column that most looks like usernames. */
  suggestedColumn: number;
  rows: string[][];
}

export type FileReadResult = { ok: true; file: CreatorFile } | { ok: false; message: string };

/** Words of a header cell naming the username column, strongest first. */
const USERNAME_HEADER_WORDS = ['username', 'handle', 'instagram', 'ig', 'creator', 'account', 'user', 'profile'];
/** Words that mark a first row as a header even in other columns. */
const OTHER_HEADER_WORDS = ['name', 'email', 'status', 'id', 'notes', 'country', 'followers', 'brand'];

/**
 * Reads a CSV or TSV export (Excel quoting, BOM, CRLF, any common delimiter), finds the
 * header and the column holding usernames, or says plainly why it cannot.
 */
export function readCreatorFile(text: string, byteLength = text.length): FileReadResult {
  if (byteLength > MAX_FILE_BYTES) return { ok: false, message: `This file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; Collab Desk reads files up to 5 MB.` };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, message: 'The file is empty.' };
  if (looksBinary(body)) return { ok: false, message: 'This is not a text file. Export the list from your spreadsheet as CSV or TSV and import that.' };

  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const rows = parsed.data.map((row) => row.map((cell) => cell.trim())).filter((row) => row.some(Boolean));
  if (rows.length === 0) return { ok: false, message: 'The file is empty.' };
  const width = Math.max(...rows.map((row) => row.length));
  const hasHeader = isHeader(rows[0]!, rows.slice(1, 50));
  const dataRows = hasHeader ? rows.slice(1) : rows;
  if (dataRows.length > MAX_CREATORS) {
    return { ok: false, message: `This file has ${dataRows.length.toLocaleString('en')} rows; Collab Desk takes at most ${MAX_CREATORS.toLocaleString('en')} creators at a time. Split it into smaller files and import them one by one.` };
  }
  if (dataRows.length === 0) return { ok: false, message: 'The file has a header row but no creators under it.' };
  const columns = Array.from({ length: width }, (_, index) => (hasHeader && rows[0]![index]) || `Column ${index + 1}`);
  return { ok: true, file: { columns, hasHeader, rows: dataRows, suggestedColumn: suggestColumn(columns, dataRows, hasHeader) } };
}

/** The chosen column's values as list entries, numbered by their row in the file. */
export function columnEntries(file: CreatorFile, column: number): ListEntry[] {
  const firstRow = file.hasHeader ? 2 : 1;
  return file.rows.map((row, index) => ({ line: index + firstRow, input: row[column] ?? '' })).filter((entry) => entry.input !== '');
}

/** Says when most values of a column are not usernames: probably the wrong column. */
export function wrongColumnWarning(file: CreatorFile, column: number): string | undefined {
  const entries = columnEntries(file, column);
  const valid = entries.filter((entry) => checkUsername(entry.input).ok).length;
  if (entries.length === 0) return `The column "${file.columns[column]}" is empty. Choose the column that holds the usernames.`;
  if (valid / entries.length >= 0.5) return undefined;
  return `Only ${valid} of ${entries.length} values in "${file.columns[column]}" look like Instagram usernames. Is this the right column?`;
}

function headerWords(cell: string): string[] {
  return cell.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function isHeader(first: string[], sample: string[][]): boolean {
  const known = [...USERNAME_HEADER_WORDS, ...OTHER_HEADER_WORDS];
  if (first.some((cell) => headerWords(cell).some((word) => known.includes(word)))) return true;
  // A first row that is not usernames above rows that are: a header with other words.
  const validShare = (row: string[]) => row.filter((cell) => checkUsername(cell).ok).length;
  return sample.length > 0 && validShare(first) === 0 && sample.some((row) => validShare(row) > 0);
}

function suggestColumn(columns: string[], rows: string[][], hasHeader: boolean): number {
  if (hasHeader) {
    for (const word of USERNAME_HEADER_WORDS) {
      const index = columns.findIndex((column) => headerWords(column).includes(word));
      if (index >= 0) return index;
    }
  }
  const sample = rows.slice(0, 200);
  let best = 0;
  let bestScore = -1;
  for (let index = 0; index < columns.length; index++) {
    // Usernames with a letter count double, so a column of row numbers does not win.
    const score = sample.reduce((sum, row) => {
      const cell = row[index] ?? '';
      return sum + (cell && checkUsername(cell).ok ? (/[a-z]/i.test(cell) ? 2 : 1) : 0);
    }, 0);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  const unreadable = head.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return unreadable > head.length * 0.02;
}
