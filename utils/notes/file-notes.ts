import type { CreatorFile } from '../bulk/creator-file';
import { checkUsername } from '../instagram/username';
import { readDay } from './note';

export interface FileNote {
  username: string;
  endDate?: string;
  campaign?: string;
}

/** Header names read as the term's end date and the campaign (lower case, spaces for _ and -). */
const END_DATE_HEADERS = ['end date', 'enddate', 'term end', 'end'];
const CAMPAIGN_HEADERS = ['campaign', 'campaign name'];

/**
 * The optional `end date` and `campaign` columns of an imported file, as notes on the
 * creators of the chosen username column. Dates must be calendar days (YYYY-MM-DD, as Export
 * CSV writes them); other dates are counted, not guessed.
 */
export function fileNotes(file: CreatorFile, usernameColumn: number): { notes: FileNote[]; badDates: number } {
  if (!file.hasHeader) return { notes: [], badDates: 0 };
  const headers = file.columns.map((column) =>
    typeof column === 'string'
      ? column
          .trim()
          .toLowerCase()
          .replace(/[\s_-]+/g, ' ')
      : '',
  );
  const endColumn = headers.findIndex((header) => END_DATE_HEADERS.includes(header));
  const campaignColumn = headers.findIndex((header) => CAMPAIGN_HEADERS.includes(header));
  if (endColumn < 0 && campaignColumn < 0) return { notes: [], badDates: 0 };
  const notes: FileNote[] = [];
  let badDates = 0;
  for (const row of file.rows) {
    const check = checkUsername(row[usernameColumn] ?? '');
    if (!check.ok) continue;
    const dateCell = endColumn >= 0 ? (row[endColumn] ?? '').trim() : '';
    const endDate = readDay(dateCell);
    if (dateCell && !endDate) badDates += 1;
    const campaign = campaignColumn >= 0 ? (row[campaignColumn] ?? '').trim().slice(0, 200) : '';
    if (endDate || campaign) notes.push({ username: check.username, ...(endDate ? { endDate } : {}), ...(campaign ? { campaign } : {}) });
  }
  return { notes, badDates };
}
