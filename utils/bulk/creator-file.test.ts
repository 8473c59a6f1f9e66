import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnEntries, decodeTextFile, MAX_COLUMNS, measureTable, readCreatorFile, wrongColumnWarning } from './creator-file';
import { checkList } from './username-list';
import { inEnglish } from '../i18n/in-english';
import type { Said } from '../i18n/said';

/** The refusal in English, or undefined when the file was read. */
function refusal(result: { ok: true } | { ok: false; message: Said }): string | undefined {
  return result.ok ? undefined : inEnglish.say(result.message);
}

function read(text: string) {
  const result = readCreatorFile(text);
  if (!result.ok) throw new Error(inEnglish.say(result.message));
  return result.file;
}

describe('readCreatorFile', () => {
  it('reads an Excel CSV with BOM, CRLF, quotes and a header, and finds the username column', () => {
    const file = read(
      '\uFEFFName,"Instagram handle",Email\r\n"Reyes, Maya",@maya.trails,maya@example.com\r\nLeo,"leo_eats",leo@example.com\r\n',
    );
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
    [
      'a binary file',
      `PK\u0003\u0004\u0000\u0000binary${'\uFFFD'.repeat(50)}`,
      'This is not a text file. Export the list from your spreadsheet as CSV or TSV and import that.',
    ],
    ['a header with nothing under it', 'username\n', 'The file has a header row but no creators under it.'],
  ])('refuses %s with a clear message', (_name, text, message) => {
    expect(refusal(readCreatorFile(text))).toBe(message);
  });

  it('refuses more creators than one job takes', () => {
    const text = `username\n${Array.from({ length: 50_000 }, (_, index) => `creator${index}`).join('\n')}`;
    expect(refusal(readCreatorFile(text))).toBe(
      'This file has 50,000 rows; Collab Desk takes at most 10,000 creators at a time. Split it into smaller files and import them one by one.',
    );
  });

  it('refuses a file over 5 MB', () => {
    expect(refusal(readCreatorFile('x', 6.25 * 1024 * 1024))).toBe('This file is 6.3 MB; Collab Desk reads files up to 5 MB.');
  });
});

describe('wrongColumnWarning', () => {
  const file = read('name,email,username\nMaya Reyes,maya@example.com,maya.trails\nLeo Diaz,leo@example.com,leo_eats\n');
  it('warns when a column holds few usernames', () => {
    expect(inEnglish.say(wrongColumnWarning(file, 1))).toBe(
      'Only 0 of 2 values in "email" look like Instagram usernames. Is this the right column?',
    );
  });
  it('is quiet for the right column', () => {
    expect(wrongColumnWarning(file, 2)).toBeUndefined();
  });
});

describe('hostile and unusual files', () => {
  it('refuses a row of 2.4 million columns with the column cap, before parsing anything', () => {
    const wide = `username,${'x,'.repeat(2_400_000)}\nmaya.trails\n`;
    expect(refusal(readCreatorFile(wide, wide.length))).toContain(`more than ${MAX_COLUMNS} columns`);
  });

  it('takes 199 columns, refuses 201; delimiters inside quotes do not count', () => {
    expect(measureTable(`${'a,'.repeat(198)}a\n`).tooWide).toBe(false);
    expect(measureTable(`${'a,'.repeat(200)}a\n`).tooWide).toBe(true);
    expect(measureTable(`"${'a,'.repeat(500)}",maya\n`)).toEqual({ rows: 1, tooWide: false });
  });

  it('gives the row limit, not "could not be read", for 125,000 rows', () => {
    const text = `username\n${Array.from({ length: 125_000 }, (_, index) => `c${index}`).join('\n')}`;
    expect(refusal(readCreatorFile(text))).toMatch(/^This file has 125,000 rows; Collab Desk takes at most 10,000 creators/);
  });

  it('counts rows with quoted line breaks, CRLF and blank lines as a spreadsheet does', () => {
    expect(measureTable('a,"two\nlines"\r\n\r\nb,c\r\n   \n')).toEqual({ rows: 2, tooWide: false });
  });
});

describe('decodeTextFile', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);

  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeTextFile(new TextEncoder().encode('Zoë,zoe.cafe\n'))).toEqual({ ok: true, text: 'Zoë,zoe.cafe\n', encoding: 'UTF-8' });
    expect(decodeTextFile(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: 'a', encoding: 'UTF-8' });
  });

  it('reads UTF-16 little and big endian by their byte order marks', () => {
    expect(decodeTextFile(bytes(0xff, 0xfe, 0x4a, 0x00, 0xe9, 0x00))).toEqual({ ok: true, text: 'Jé', encoding: 'UTF-16' });
    expect(decodeTextFile(bytes(0xfe, 0xff, 0x00, 0x4a, 0x00, 0xe9))).toEqual({ ok: true, text: 'Jé', encoding: 'UTF-16' });
  });

  it('reads what Excel on Windows writes ("ANSI", Windows-1252) with its accents', () => {
    // "José Muñoz," in Windows-1252: é = 0xE9, ñ = 0xF1 (not valid UTF-8).
    const ansi = bytes(...[...'Jos'].map((c) => c.charCodeAt(0)), 0xe9, 0x20, 0x4d, 0x75, 0xf1, 0x6f, 0x7a, 0x2c);
    expect(decodeTextFile(ansi)).toEqual({ ok: true, text: 'José Muñoz,', encoding: 'Windows-1252' });
  });

  it('refuses binary files', () => {
    expect(refusal(decodeTextFile(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)))).toContain('not a text file');
  });
});

describe('file reader, fuzzed', () => {
  it('never throws, and either reads a table within the limits or says why not', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^@?[a-z0-9._]{1,12}$/),
      fc.constantFrom('"', '""', '\r\n', ',', '\t', '\u0000', '\uFEFF', '\u202E'),
    );
    const table = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 30 })
      .map((rows) =>
        rows.map((row) => row.join(fc.sample(fc.constantFrom(',', '\t', ';'), { numRuns: 1, seed: row.length })[0]!)).join('\n'),
      );
    fc.assert(
      fc.property(table, (text) => {
        const result = readCreatorFile(text);
        if (!result.ok) {
          expect(inEnglish.say(result.message).length).toBeGreaterThan(0);
          return;
        }
        expect(result.file.columns.length).toBeLessThanOrEqual(MAX_COLUMNS);
        expect(result.file.rows.length).toBeLessThanOrEqual(10_000);
        for (const column of result.file.columns.keys()) columnEntries(result.file, column);
      }),
      { seed: 20261122, numRuns: 400 },
    );
  });

  it('decodes any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (data) => {
        const result = decodeTextFile(data);
        expect(result.ok ? result.text : inEnglish.say(result.message)).toBeTypeOf('string');
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });
});
