import { checkUsername } from '../instagram/username';
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
