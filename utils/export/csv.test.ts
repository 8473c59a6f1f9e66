import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, neutraliseFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and quotes what needs quoting', () => {
    const csv = toCsv(
      ['creator', 'status'],
      [
        ['maya.trails', 'Approved'],
        ['a,b', 'say "hi"'],
        ['x', undefined],
      ],
    );
    expect(csv).toBe('\uFEFFcreator,status\r\nmaya.trails,Approved\r\n"a,b","say ""hi"""\r\nx,');
  });

  it('round-trips through a parser', () => {
    const rows = [
      ['line\nbreak', 'é ü 中'],
      ['', '0'],
    ];
    const parsed = Papa.parse<string[]>(toCsv(['a', 'b'], rows).slice(1)).data;
    expect(parsed).toEqual([['a', 'b'], ...rows]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")']])).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/")', true],
    ['+cmd|" /C calc"!A0', true],
    ['-2+3', true],
    ['@SUM(A1:A2)', true],
    ['\t=1+1', true],
    ['\r=1+1', true],
    ['\n=1+1', true],
    ['   =1+1', true],
    ['\u00A0=1+1', true],
    ['\u2028=HYPERLINK("http://evil.example/")', true],
    ['\u2029=HYPERLINK("http://evil.example/")', true],
    ['\u3000=1+1', true],
    ['\uFEFF=1+1', true],
    ['\u200B=1+1', true],
    ['＝HYPERLINK("http://evil.example/")', true],
    ['＋1', true],
    ['＠x', true],
    ['\tplain', true],
    ['maya.trails', false],
    ['Approved', false],
    ['2026-01-05T00:00:00.000Z', false],
    ['a=b', false],
    ['', false],
    ['17841460000099999', false],
  ])('%j is neutralised: %s', (cell, dangerous) => {
    expect(neutraliseFormula(cell)).toBe(dangerous ? `'${cell}` : cell);
  });

  it('fuzzed: no exported cell starts, after anything a spreadsheet skips, with a formula character', () => {
    const lead = fc.constantFrom('', ' ', '\t', '\r', '\n', '\u2028', '\u2029', '\u00A0', '\u3000', '\uFEFF', '\u200B');
    const start = fc.constantFrom('=', '+', '-', '@', '＝', '＋', '－', '＠', 'a', '1', "'");
    fc.assert(
      fc.property(fc.array(lead, { maxLength: 3 }), start, fc.string({ maxLength: 10 }), (leads, first, rest) => {
        const cell = `${leads.join('')}${first}${rest}`;
        const parsed = Papa.parse<string[]>(toCsv(['x'], [[cell]]).slice(1), { delimiter: ',' }).data[1]![0];
        expect(parsed === cell || parsed === `'${cell}`).toBe(true);
        const visible = parsed!.replace(/^[\s\u2028\u2029\uFEFF\u200B]+/u, '');
        expect(/^[=+\-@＝＋－＠\t\r\n]/u.test(parsed!) || /^[=+\-@＝＋－＠]/u.test(visible)).toBe(false);
      }),
      { seed: 20261122, numRuns: 1000 },
    );
  });
});

describe('csvFileName', () => {
  it('names the file after what it holds and the day', () => {
    expect(csvFileName('northwind.outdoor', 'partnerships')).toMatch(
      /^collab-desk-northwind\.outdoor-partnerships-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });
});
