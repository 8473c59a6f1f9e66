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

    /** Writes notes in one transaction; a note with neither an end date nor a campaign is deleted. */
    async put(notes: readonly CreatorNote[]): Promise<void> {
      const transaction = (await db).transaction('notes', 'readwrite');
      await Promise.all([
        ...notes.map((note) =>
          note.endDate || note.campaign ? transaction.store.put(note) : transaction.store.delete([note.brandIgId, note.username]),
        ),
        transaction.done,
      ]);
    },

    async clear(): Promise<void> {
      await (await db).clear('notes');
    },
  };
}
