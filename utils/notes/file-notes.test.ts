import { describe, expect, it } from 'vitest';
import { readCreatorFile } from '../bulk/creator-file';
import { fileNotes } from './file-notes';

function read(text: string) {
  const result = readCreatorFile(text);
  if (!result.ok) throw new Error('unreadable');
  return result.file;
}

describe('fileNotes', () => {
  it('reads the end date and campaign columns of an export, whatever their order and spelling', () => {
    const file = read(
      'campaign,creator_username,status,End_Date\nSummer,maya.trails,Approved,2026-12-31\n,leo.eats,Pending,\nFall,@Ivy.Studio,Pending,31/12/2026\n',
    );
    expect(fileNotes(file, file.suggestedColumn)).toEqual({
      notes: [
        { username: 'maya.trails', endDate: '2026-12-31', campaign: 'Summer' },
        { username: 'ivy.studio', campaign: 'Fall' },
      ],
      badDates: 1,
    });
  });

  it('finds nothing in a file without those columns or without a header', () => {
    const plain = read('username\nmaya\nleo\n');
    expect(fileNotes(plain, plain.suggestedColumn).notes).toEqual([]);
    const headless = read('maya,2026-12-31\nleo,2026-12-30\n');
    expect(fileNotes(headless, 0).notes).toEqual([]);
  });
});
