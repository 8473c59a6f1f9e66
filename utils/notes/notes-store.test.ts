import { describe, expect, it } from 'vitest';
import { openCollabDeskDb } from '../background/database';
import { createNotesStore } from './notes-store';

describe('notes store', () => {
  it('keeps "already told" while the end date stays, forgets it when the date changes, and deletes an emptied note', async () => {
    const notes = createNotesStore(openCollabDeskDb('notes-store-told'));
    const note = { brandIgId: '1', username: 'maya', endDate: '2026-01-31', campaign: 'Winter', updatedAt: 1 };
    await notes.put([note]);
    await notes.markEndNotified([note]);
    await notes.put([{ ...note, campaign: 'Spring', updatedAt: 2 }]);
    expect((await notes.all())[0]).toMatchObject({ campaign: 'Spring', endNotified: true });
    await notes.put([{ ...note, endDate: '2026-02-28', updatedAt: 3 }]);
    expect((await notes.all())[0]!.endNotified).toBeUndefined();
    // A mark for a date that has changed since is not set.
    await notes.markEndNotified([note]);
    expect((await notes.all())[0]!.endNotified).toBeUndefined();
    await notes.put([{ ...note, endDate: undefined, campaign: undefined, updatedAt: 4 }]);
    expect(await notes.all()).toEqual([]);
  });

  it("reads one brand's notes without the others'", async () => {
    const notes = createNotesStore(openCollabDeskDb('notes-store-brands'));
    await notes.put([
      { brandIgId: '1', username: 'a', campaign: 'x', updatedAt: 0 },
      { brandIgId: '12', username: 'b', campaign: 'y', updatedAt: 0 },
      { brandIgId: '2', username: 'c', campaign: 'z', updatedAt: 0 },
    ]);
    expect((await notes.ofBrand('1')).map((note) => note.username)).toEqual(['a']);
  });
});
