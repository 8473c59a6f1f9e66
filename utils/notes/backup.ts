import * as z from 'zod/mini';
import { checkUsername } from '../instagram/username';
import { noteKey, readDay, type CreatorNote } from './note';

/** What the backup file says it is; a file of another format or version is refused. */
export const BACKUP_FORMAT = 'collab-desk-notes';
export const BACKUP_VERSION = 1;
/** The most notes a backup may hold (a brand's 10,000 creators, times brands). */
export const MAX_BACKUP_NOTES = 200_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  notes: Array<Pick<CreatorNote, 'brandIgId' | 'username' | 'endDate' | 'campaign'>>;
}

export function makeBackup(notes: readonly CreatorNote[], now: number = Date.now()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    notes: notes.map(({ brandIgId, username, endDate, campaign }) => ({
      brandIgId,
      username,
      ...(endDate ? { endDate } : {}),
      ...(campaign ? { campaign } : {}),
    })),
  };
}

const backupNote = z.strictObject({
  brandIgId: z.string().check(z.regex(/^\d{1,30}$/)),
  username: z.string().check(z.refine(isNormalUsername)),
  endDate: z.optional(z.string().check(z.refine((value) => readDay(value) === value))),
  campaign: z.optional(z.string().check(z.maxLength(200))),
});

/** A username as Collab Desk keeps it: valid, and already normalised. */
function isNormalUsername(value: string): boolean {
  const check = checkUsername(value);
  return check.ok && check.username === value;
}

/** A backup file's content, checked field by field: anything else is refused, saying where. */
export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  notes: z.array(backupNote).check(z.maxLength(MAX_BACKUP_NOTES)),
});

export interface ImportPlan {
  /** Notes the person does not have yet. */
  added: CreatorNote[];
  /** Notes that would replace different ones the person has (only with their say). */
  replacing: CreatorNote[];
  unchanged: number;
}

/** What importing would do: new notes are added; a different note for the same creator and brand replaces one only when asked. */
export function planImport(existing: readonly CreatorNote[], backup: Backup, now: number = Date.now()): ImportPlan {
  const mine = new Map(existing.map((note) => [noteKey(note), note]));
  const plan: ImportPlan = { added: [], replacing: [], unchanged: 0 };
  for (const incoming of backup.notes) {
    const note: CreatorNote = { ...incoming, updatedAt: now };
    const current = mine.get(noteKey(note));
    if (!current) plan.added.push(note);
    else if ((current.endDate ?? '') === (note.endDate ?? '') && (current.campaign ?? '') === (note.campaign ?? '')) plan.unchanged += 1;
    else plan.replacing.push(note);
  }
  return plan;
}
