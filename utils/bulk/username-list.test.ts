import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUsername } from '../instagram/username';
import { checkList, splitPastedList } from './username-list';
import { inEnglish } from '../i18n/in-english';

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
    expect(checked.invalid.map((entry) => ({ ...entry, reason: inEnglish.say(entry.reason) }))).toEqual([
      { line: 3, input: 'leo..x', reason: 'An Instagram username cannot have two dots in a row.' },
      { line: 6, input: 'bad name', reason: '" " cannot be in an Instagram username (letters, digits, "." and "_" only).' },
    ]);
  });
});

describe('list parser, fuzzed', () => {
  it('accounts for every entry: each valid username once, everything else invalid or a duplicate, never a throw', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^@?[A-Za-z0-9._]{1,32}$/),
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'https://www.instagram.com/maya.trails/',
        '\u202Emaya',
        'K\u212A',
        '\uFEFF',
        '\u200B',
        'ｍａｙａ',
        ',',
        ';',
        '\t',
        '\r\n',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom('\n', ',', '\r\n', ';'), (pieces, separator) => {
        const entries = splitPastedList(pieces.join(separator));
        const checked = checkList(entries);
        expect(checked.usernames.length + checked.invalid.length + checked.duplicates.length).toBe(entries.length);
        expect(new Set(checked.usernames).size).toBe(checked.usernames.length);
        for (const username of checked.usernames) expect(checkUsername(username)).toEqual({ ok: true, username });
        for (const username of checked.usernames) expect(username).toMatch(/^[a-z0-9._]{1,30}$/);
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });
});
