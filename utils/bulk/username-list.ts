import { checkUsername } from '../instagram/username';
import { isHeaderRow } from './header-row';
import { MAX_CREATORS, MAX_LIST_ENTRIES } from './limits';
import { said, type Said } from '../i18n/said';

export interface ListEntry {
  /** 1-based line (or row) the entry came from. */
  line: number;
  input: string;
}

export interface CheckedList {
  /** Normalised usernames, each once, in first-seen order. */
  usernames: string[];
  invalid: Array<ListEntry & { reason: Said }>;
  duplicates: Array<ListEntry & { username: string }>;
}

/** Splits pasted text into entries: one per line, commas and semicolons also separate. */
export function splitPastedList(text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    for (const part of lineText.split(/[,;\t]/)) {
      const input = part.trim();
      if (input) entries.push({ line: index + 1, input });
    }
  });
  return entries;
}

/** The entries of the list's first line that has any. */
export function firstRow(entries: readonly ListEntry[]): ListEntry[] {
  let end = 0;
  while (end < entries.length && entries[end]!.line === entries[0]!.line) end += 1;
  return entries.slice(0, end);
}

/** The first row of pasted text, read without splitting the rest (cheap on every keystroke of a long list). */
export function firstRowOfText(text: string): ListEntry[] {
  return splitPastedList(/^[\s,;]*[^\r\n]*/.exec(text)![0]);
}

/** Whether the list's first row is a header, by the rule an imported file's first row is read by too. */
export function guessHeader(entries: readonly ListEntry[]): boolean {
  // The first row and the 49 below it, as a file's are.
  const rows: string[][] = [];
  let line: number | undefined;
  for (const entry of entries) {
    if (entry.line !== line) {
      if (rows.length === 50) break;
      rows.push([]);
      line = entry.line;
    }
    rows[rows.length - 1]!.push(entry.input);
  }
  return rows.length > 0 && isHeaderRow(rows[0]!, rows.slice(1));
}

/** The person's say on "First row is a header", for the first row (`rowKey`) they said it of. */
export interface HeaderChoice {
  row: string;
  header: boolean;
}

/** What identifies a first row: its entries as written. */
export function rowKey(row: readonly ListEntry[]): string {
  return row.map((entry) => entry.input).join('\n');
}

/** Whether the first row is left out: as the person said for this row, or as guessed. */
export function headerOf(entries: readonly ListEntry[], choice: HeaderChoice | undefined): boolean {
  return choice !== undefined && choice.row === rowKey(firstRow(entries)) ? choice.header : guessHeader(entries);
}

/** The entries to act on: all of them, or all but the first row when it is a header. */
export function withoutHeader(entries: readonly ListEntry[], header: boolean): readonly ListEntry[] {
  return header ? entries.slice(firstRow(entries).length) : entries;
}

/** Normalises every entry, keeps the first of each username, and lists what cannot be sent and why. */
export function checkList(entries: readonly ListEntry[]): CheckedList {
  const seen = new Set<string>();
  const result: CheckedList = { usernames: [], invalid: [], duplicates: [] };
  for (const entry of entries) {
    const check = checkUsername(entry.input);
    if (!check.ok) {
      result.invalid.push({ ...entry, reason: check.reason });
    } else if (seen.has(check.username)) {
      result.duplicates.push({ ...entry, username: check.username });
    } else {
      seen.add(check.username);
      result.usernames.push(check.username);
    }
  }
  return result;
}

/** Why this list cannot become one job, in plain words, as soon as it passes a limit; undefined when it can. */
export function listLimitProblem(checked: CheckedList): Said | undefined {
  const entries = checked.usernames.length + checked.invalid.length + checked.duplicates.length;
  if (entries > MAX_LIST_ENTRIES) {
    return said('listTooManyEntries', { entries, max: MAX_LIST_ENTRIES });
  }
  if (checked.usernames.length > MAX_CREATORS) {
    return said('listTooManyCreators', { creators: checked.usernames.length, max: MAX_CREATORS });
  }
  return undefined;
}
