import { describe, expect, it } from 'vitest';
import { checkList, splitPastedList } from './username-list';

describe('splitPastedList', () => {
  it('takes one per line, with commas, semicolons and tabs also separating, and skips blanks', () => {
    expect(splitPastedList('maya\r\n\n @leo , ivy;kai\tzara\n')).toEqual([
      { line: 1, input: 'maya' },
      { line: 3, input: '@leo' },
      { line: 3, input: 'ivy' },
      { line: 3, input: 'kai' },
      { line: 3, input: 'zara' },
    ]);
  });
});

describe('checkList', () => {
  it('normalises, keeps the first of each username and lists invalid entries with the reason', () => {
    const checked = checkList(splitPastedList('@Maya\nmaya\nleo..x\nhttps://www.instagram.com/ivy.studio/\nIVY.STUDIO\nbad name'));
    expect(checked.usernames).toEqual(['maya', 'ivy.studio']);
    expect(checked.duplicates).toEqual([
      { line: 2, input: 'maya', username: 'maya' },
      { line: 5, input: 'IVY.STUDIO', username: 'ivy.studio' },
    ]);
    expect(checked.invalid).toEqual([
      { line: 3, input: 'leo..x', reason: 'An Instagram username cannot have two dots in a row.' },
      { line: 6, input: 'bad name', reason: '" " cannot be in an Instagram username (letters, digits, "." and "_" only).' },
    ]);
  });
});
