import type { CollabDeskDb } from '../db/database';
import type { CreatorNote } from './note';

export type NotesStore = ReturnType<typeof createNotesStore>;

/** The `notes` store: the person's end dates and campaigns, per brand and creator. */
export function createNotesStore(db: Promise<CollabDeskDb>) {
  return {
    async all(): Promise<CreatorNote[]> {
      return (await db).getAll('notes');
    },

    async ofBrand(brandIgId: string): Promise<CreatorNote[]> {
      return (await db).getAll('notes', IDBKeyRange.bound([brandIgId, ''], [brandIgId, '\uffff']));
    },

    /**
     * Writes notes in one transaction; a note with neither an end date nor a campaign is deleted.
     * Whether the person was told that the term ended stays with the note while its end date does.
     */
    async put(notes: readonly CreatorNote[]): Promise<void> {
      const transaction = (await db).transaction('notes', 'readwrite');
      const write = async (note: CreatorNote) => {
        if (!note.endDate && !note.campaign) return transaction.store.delete([note.brandIgId, note.username]);
        const current = await transaction.store.get([note.brandIgId, note.username]);
        const told = current?.endNotified && current.endDate === note.endDate;
        await transaction.store.put({ ...note, endNotified: told || undefined });
      };
      await Promise.all([...notes.map(write), transaction.done]);
    },

    /** The person was told these terms ended: set on the notes as they are now, unless their end date changed since. */
    async markEndNotified(notes: readonly CreatorNote[]): Promise<void> {
      const transaction = (await db).transaction('notes', 'readwrite');
      const mark = async (note: CreatorNote) => {
        const current = await transaction.store.get([note.brandIgId, note.username]);
        if (current && current.endDate === note.endDate) await transaction.store.put({ ...current, endNotified: true });
      };
      await Promise.all([...notes.map(mark), transaction.done]);
    },

    async clear(): Promise<void> {
      await (await db).clear('notes');
    },
  };
}
