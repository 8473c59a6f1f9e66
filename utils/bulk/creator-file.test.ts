import { describe, expect, it } from 'vitest';
import { columnEntries, readCreatorFile, wrongColumnWarning } from './creator-file';
import { checkList } from './username-list';

function read(text: string) {
  const result = readCreatorFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

describe('readCreatorFile', () => {
  it('reads an Excel CSV with BOM, CRLF, quotes and a header, and finds the username column', () => {
    const file = read('\uFEFFName,"Instagram handle",Email\r\n"Reyes, Maya",@maya.trails,maya@example.com\r\nLeo,"leo_eats",leo@example.com\r\n');
    expect(file.hasHeader).toBe(true);
    expect(file.columns).toEqual(['Name', 'Instagram handle', 'Email']);
    expect(file.suggestedColumn).toBe(1);
    expect(columnEntries(file, 1)).toEqual([
      { line: 2, input: '@maya.trails' },
      { line: 3, input: 'leo_eats' },
    ]);
  });

  it('reads a TSV with a username header', () => {
    const file = read('creator_username\tstatus\nmaya.trails\tnew\nleo_eats\tnew\n');
    expect(file.columns).toEqual(['creator_username', 'status']);
    expect(file.suggestedColumn).toBe(0);
    expect(checkList(columnEntries(file, 0)).usernames).toEqual(['maya.trails', 'leo_eats']);
  });

  it('reads a headerless list and picks the column that holds usernames', () => {
    const file = read('1;maya.trails\n2;leo_eats\n3;ivy.studio\n');
    expect(file.hasHeader).toBe(false);
    expect(file.suggestedColumn).toBe(1);
    expect(columnEntries(file, 1).map((entry) => entry.line)).toEqual([1, 2, 3]);
  });

  it('detects a header made of other words above usernames', () => {
    expect(read('Who to ask\nmaya.trails\nleo_eats\n').hasHeader).toBe(true);
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['blank lines only', '\r\n \n\t\n', 'The file is empty.'],
    ['a binary file', `PK\u0003\u0004\u0000\u0000binary${'\uFFFD'.repeat(50)}`, 'This is not a text file. Export the list from your spreadsheet as CSV or TSV and import that.'],
    ['a header with nothing under it', 'username\n', 'The file has a header row but no creators under it.'],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(readCreatorFile(text)).toEqual({ ok: false, message });
  });

  it('refuses more creators than one job takes', () => {
    const text = `username\n${Array.from({ length: 50_000 }, (_, index) => `creator${index}`).join('\n')}`;
    expect(readCreatorFile(text)).toEqual({
      ok: false,
      message: 'This file has 50,000 rows; Collab Desk takes at most 10,000 creators at a time. Split it into smaller files and import them one by one.',
    });
  });

  it('refuses a file over 5 MB', () => {
    expect(readCreatorFile('x', 6 * 1024 * 1024)).toEqual({ ok: false, message: 'This file is 6.0 MB; Collab Desk reads files up to 5 MB.' });
  });
});

describe('wrongColumnWarning', () => {
  const file = read('name,email,username\nMaya Reyes,maya@example.com,maya.trails\nLeo Diaz,leo@example.com,leo_eats\n');
  it('warns when a column holds few usernames', () => {
    expect(wrongColumnWarning(file, 1)).toBe('Only 0 of 2 values in "email" look like Instagram usernames. Is this the right column?');
  });
  it('is quiet for the right column', () => {
    expect(wrongColumnWarning(file, 2)).toBeUndefined();
  });
});
