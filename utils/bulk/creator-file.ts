import Papa from 'papaparse';
import { checkUsername } from '../instagram/username';
import { headerWords, isHeaderRow, USERNAME_HEADER_WORDS } from './header-row';
import { MAX_COLUMNS, MAX_CREATORS, MAX_FILE_BYTES } from './limits';
import type { ListEntry } from './username-list';
import { said, type Said, type Words } from '../i18n/said';

export { MAX_COLUMNS, MAX_CREATORS, MAX_FILE_BYTES };

export interface CreatorFile {
  /** Header cells, or "Column 2" (as words) where a file has no header. */
  columns: Words[];
  hasHeader: boolean;
  /** The column that most looks like usernames. */
  suggestedColumn: number;
  rows: string[][];
}

export type FileReadResult = { ok: true; file: CreatorFile } | { ok: false; message: Said };

export type TextEncodingName = 'UTF-8' | 'UTF-16' | 'Windows-1252';

export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: Said };

/**
 * Turns a file's bytes into text with the platform's decoders: a byte order mark says UTF-8
 * or UTF-16; otherwise bytes that are valid UTF-8 are UTF-8, and anything else is read as
 * Windows-1252 ("ANSI"), what Excel on Windows writes. Bytes no text file has are refused.
 */
export function decodeTextFile(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: tooBig(bytes.length) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16' };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { ok: false, message: NOT_TEXT };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

const NOT_TEXT = said('fileNotText');

function tooBig(bytes: number): Said {
  return said('fileTooBig', { size: bytes / 1024 / 1024, max: MAX_FILE_BYTES / 1024 / 1024 });
}

/**
 * One pass over the text, allocating nothing per cell: how many non-empty rows it has, and
 * whether any row is wider than MAX_COLUMNS for any of the delimiters a CSV or TSV may use
 * (stopping at the first such row). Quoted fields may hold delimiters and line breaks.
 */
export function measureTable(text: string): { rows: number; tooWide: boolean } {
  const DELIMITERS = [44, 9, 59, 124]; // , tab ; |
  const counts = [0, 0, 0, 0];
  let rows = 0;
  let rowHasText = false;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 34) quoted = !quoted;
    else if (!quoted && (code === 10 || code === 13)) {
      if (rowHasText) rows += 1;
      rowHasText = false;
      counts.fill(0);
      continue;
    } else if (!quoted) {
      const which = DELIMITERS.indexOf(code);
      if (which >= 0 && ++counts[which]! >= MAX_COLUMNS) return { rows, tooWide: true };
    }
    if (code > 32) rowHasText = true;
  }
  return { rows: rows + (rowHasText ? 1 : 0), tooWide: false };
}

/**
 * Reads a CSV or TSV export (Excel quoting, BOM, CRLF, any common delimiter), finds the
 * header and the column holding usernames, or says plainly why it cannot.
 */
export function readCreatorFile(text: string, byteLength = text.length): FileReadResult {
  if (byteLength > MAX_FILE_BYTES) return { ok: false, message: tooBig(byteLength) };
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, message: said('fileEmpty') };
  if (looksBinary(body)) return { ok: false, message: NOT_TEXT };
  // The limits are checked before anything is parsed, so a hostile file costs one pass and no memory.
  const size = measureTable(body);
  if (size.tooWide) {
    return { ok: false, message: said('fileTooWide', { max: MAX_COLUMNS }) };
  }
  if (size.rows > MAX_CREATORS + 1) {
    // Only the first rows are parsed, to tell a header from creators.
    const head = Papa.parse<string[]>(body, { preview: 50, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] }).data;
    const creators = size.rows - (head[0] && isHeaderRow(head[0], head.slice(1)) ? 1 : 0);
    if (creators > MAX_CREATORS) return { ok: false, message: tooManyRows(creators) };
  }

  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  const rows = parsed.data.map((row) => row.map((cell) => cell.trim())).filter((row) => row.some(Boolean));
  if (rows.length === 0) return { ok: false, message: said('fileEmpty') };
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  const hasHeader = isHeaderRow(rows[0]!, rows.slice(1, 50));
  const dataRows = hasHeader ? rows.slice(1) : rows;
  if (dataRows.length > MAX_CREATORS) return { ok: false, message: tooManyRows(dataRows.length) };
  if (dataRows.length === 0) return { ok: false, message: said('fileHeaderOnly') };
  const columns = Array.from(
    { length: width },
    (_, index) => (hasHeader && rows[0]![index]) || said('fileColumnNumber', { number: index + 1 }),
  );
  return { ok: true, file: { columns, hasHeader, rows: dataRows, suggestedColumn: suggestColumn(columns, dataRows, hasHeader) } };
}

function tooManyRows(rows: number): Said {
  return said('fileTooManyRows', { rows, max: MAX_CREATORS });
}

/** The chosen column's values as list entries, numbered by their row in the file. */
export function columnEntries(file: CreatorFile, column: number): ListEntry[] {
  const firstRow = file.hasHeader ? 2 : 1;
  return file.rows.map((row, index) => ({ line: index + firstRow, input: row[column] ?? '' })).filter((entry) => entry.input !== '');
}

/** The header's cell over a column, when the file has a header with words there. */
export function headerCell(file: CreatorFile, column: number): string | undefined {
  const cell = file.hasHeader ? file.columns[column] : undefined;
  return typeof cell === 'string' ? cell : undefined;
}

/** Says when most values of a column are not usernames: probably the wrong column. */
export function wrongColumnWarning(file: CreatorFile, column: number): Said | undefined {
  const entries = columnEntries(file, column);
  const valid = entries.filter((entry) => checkUsername(entry.input).ok).length;
  const name = file.columns[column] ?? '';
  if (entries.length === 0) return said('fileColumnEmpty', { column: name });
  if (valid / entries.length >= 0.5) return undefined;
  return said('fileWrongColumn', { valid, total: entries.length, column: name });
}

function suggestColumn(columns: Words[], rows: string[][], hasHeader: boolean): number {
  if (hasHeader) {
    for (const word of USERNAME_HEADER_WORDS) {
      const index = columns.findIndex((column) => typeof column === 'string' && headerWords(column).includes(word));
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
