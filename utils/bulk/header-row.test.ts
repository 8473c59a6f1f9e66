import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnEntries, readCreatorFile } from './creator-file';
import { isHeaderRow } from './header-row';
import { checkList, firstRow, firstRowOfText, guessHeader, headerOf, rowKey, splitPastedList, withoutHeader } from './username-list';

const BELOW = ['alpha.one', 'beta.two', 'gamma_3'];

/** The guess for a list whose first line is `first`, above three usernames, read as a paste and as a file. */
function guesses(first: string) {
  const text = [first, ...BELOW].join('\n');
  const file = readCreatorFile(text);
  return { paste: guessHeader(splitPastedList(text)), file: file.ok && file.file.hasHeader };
}

/** The nine words people head a username column with, in English, Spanish and Portuguese. */
const HEADER_WORDS = ['Username', 'Handle', 'Instagram', 'Usuario', 'Nombre de usuario', 'Cuenta', 'Usuário', 'Nome de usuário', 'Conta'];

describe('a header row is not a creator', () => {
  it.each(HEADER_WORDS)('"%s" on the first line is a header, in a paste and in a file', (word) => {
    expect(guesses(word)).toEqual({ paste: true, file: true });
  });

  it.each([
    ['upper case', 'USERNAME'],
    ['lower case', 'usuario'],
    ['mixed case', 'nOmBrE dE uSuArIo'],
    ['a leading @', '@Handle'],
    ['a leading @, Spanish', '@usuario'],
    ['a leading @, Portuguese', '@Conta'],
    ['accents left out', 'Nome de usuario'],
    ['accents in capitals', 'USUÁRIO'],
    ['an accent Spanish does not write', 'Nombre de Usuário'],
    ['spaces around it', '  Instagram  '],
    ['a plural', 'Usernames'],
    ['a Spanish plural', 'Usuarios'],
    ['snake case', 'nombre_de_usuario'],
    ['a column name of an export', 'creator_username'],
    ['another column beside it', 'Usuario,Campaña'],
    ['semicolons and a lower-case column', '@Handle;notes'],
    ['tabs', 'Nome de usuário\tCampanha'],
    ['several columns', 'Instagram,Seguidores,Email'],
    ['plain words above usernames', 'Who to ask'],
  ])('a header with %s: "%s"', (_case, first) => {
    expect(guesses(first)).toEqual({ paste: true, file: true });
  });

  it.each([
    ['a username', 'maya.trails'],
    ['a username starting with a header word', 'usuario_oficial'],
    ['a Portuguese one', 'conta.fit'],
    ['one with "instagram" in it', 'instagram_fan'],
    ['one with "handle" in it', 'handle.with.care'],
    ['one with a header word at the end', 'maya_user'],
    ['one that starts like a header word', 'igor'],
    ['one that is a header word and more', 'cuentas_claras'],
    ['a profile link', 'https://www.instagram.com/maya.trails/'],
    ['an @name', '@Leo_Eats'],
    ['a look-alike character', '\u212Aai.fit'],
    ['a hidden character', 'maya\u200B.trails'],
    ['a typo', 'x..y'],
  ])('%s on the first line is a creator, not a header: "%s"', (_case, first) => {
    expect(guesses(first)).toEqual({ paste: false, file: false });
  });

  it('a first line that is only a header word is a header even with nothing below it', () => {
    expect(isHeaderRow(['Usuario'], [])).toBe(true);
    expect(guessHeader(splitPastedList('Conta\n'))).toBe(true);
  });

  it('words alone with nothing valid below are not a header by shape, and nothing is no header', () => {
    expect(isHeaderRow(['Who to ask'], [['bad name']])).toBe(false);
    expect(guessHeader([])).toBe(false);
  });

  it('the file reader leaves the header out of the creators and names the column by it', () => {
    const result = readCreatorFile('Nome de usuário,Campanha\nalpha.one,Verão\nbeta.two,Verão\n');
    if (!result.ok) throw new Error('unread');
    expect(result.file.columns).toEqual(['Nome de usuário', 'Campanha']);
    expect(result.file.suggestedColumn).toBe(0);
    expect(checkList(columnEntries(result.file, 0)).usernames).toEqual(['alpha.one', 'beta.two']);
  });
});

describe('the person overrules the guess', () => {
  const entries = splitPastedList('\n Usuario, Campaña\nalpha.one\nbeta.two');

  it('the first row is the first line with anything on it, every entry of it', () => {
    expect(firstRow(entries)).toEqual([
      { line: 2, input: 'Usuario' },
      { line: 2, input: 'Campaña' },
    ]);
    expect(firstRow([])).toEqual([]);
  });

  it('a say-so holds for the row it was given for; another first row is guessed again', () => {
    const row = rowKey(firstRow(entries));
    expect(headerOf(entries, undefined)).toBe(true);
    expect(headerOf(entries, { row, header: false })).toBe(false);
    expect(headerOf(splitPastedList('maya\nleo'), { row, header: true })).toBe(false);
    expect(headerOf(splitPastedList('maya\nleo'), { row: 'maya', header: true })).toBe(true);
  });

  it('a header leaves out its whole row, and nothing else', () => {
    expect(checkList(withoutHeader(entries, true)).usernames).toEqual(['alpha.one', 'beta.two']);
    expect(checkList(withoutHeader(entries, false)).usernames).toEqual(['usuario', 'alpha.one', 'beta.two']);
  });
});

describe('header rows, fuzzed', () => {
  const folded = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
  const headerCell = fc
    .tuple(fc.constantFrom(...HEADER_WORDS), fc.boolean(), fc.boolean(), fc.constantFrom('lower', 'upper', 'as written'))
    .map(([word, at, fold, casing]) => {
      const spelled = fold ? folded(word) : word;
      const cased = casing === 'lower' ? spelled.toLowerCase() : casing === 'upper' ? spelled.toUpperCase() : spelled;
      return `${at ? '@' : ''}${cased}`;
    });
  const otherColumns = fc.array(fc.constantFrom('Campaña', 'notes', 'Email', 'Seguidores', 'end date', 'Status'), { maxLength: 3 });
  const creator = fc.stringMatching(/^[a-z][a-z0-9_.]{2,14}[a-z0-9]$/).filter((name) => !name.includes('..') && !isHeaderRow([name], []));
  const creators = fc.uniqueArray(creator, { minLength: 1, maxLength: 20 });

  it('a header line of any spelling is detected, and the creators read never include it', () => {
    fc.assert(
      fc.property(headerCell, otherColumns, fc.constantFrom(',', ';', '\t'), creators, (cell, others, delimiter, names) => {
        const text = [[cell, ...others].join(delimiter), ...names].join('\n');
        const entries = splitPastedList(text);
        expect(guessHeader(entries)).toBe(true);
        const read = checkList(withoutHeader(entries, headerOf(entries, undefined))).usernames;
        expect(read).toEqual(names);
        const file = readCreatorFile(text);
        expect(file.ok && file.file.hasHeader).toBe(true);
        if (file.ok) expect(checkList(columnEntries(file.file, file.file.suggestedColumn)).usernames).toEqual(names);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });

  it('overruling the guess on a one-cell first row changes the count by exactly one', () => {
    const anyCell = fc.string({ minLength: 1, maxLength: 20 }).filter((cell) => cell.trim() !== '' && !/[\r\n,;\t]/.test(cell));
    fc.assert(
      fc.property(fc.oneof(anyCell, headerCell, creator), creators, (first, names) => {
        const entries = splitPastedList([first, ...names].join('\n'));
        const guess = headerOf(entries, undefined);
        expect(headerOf(entries, { row: rowKey(firstRow(entries)), header: !guess })).toBe(!guess);
        expect(withoutHeader(entries, false).length - withoutHeader(entries, true).length).toBe(1);
        // A first row that is a creator not listed again is one creator more or less.
        const [own] = checkList(firstRow(entries)).usernames;
        const creatorsOf = (header: boolean) => checkList(withoutHeader(entries, header)).usernames.length;
        if (own !== undefined && !names.includes(own)) expect(creatorsOf(false) - creatorsOf(true)).toBe(1);
      }),
      { seed: 20261122, numRuns: 400 },
    );
  });

  it('the first row read alone from the text is the first row of the whole list', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('\n', '\r\n', '\r', ',', ';', '\t', ' ', '\u00a0', '\u2028', '\u200b'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(firstRowOfText(text)).toEqual(firstRow(splitPastedList(text)));
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });
});
