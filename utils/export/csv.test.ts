import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header row and quotes what needs quoting', () => {
    const csv = toCsv(['creator', 'status'], [['maya.trails', 'Approved'], ['a,b', 'say "hi"'], ['x', undefined]]);
    expect(csv).toBe('\uFEFFcreator,status\r\nmaya.trails,Approved\r\n"a,b","say ""hi"""\r\nx,');
  });

  it('round-trips through a parser', () => {
    const rows = [['line\nbreak', 'é ü 中'], ['', '0']];
    const parsed = Papa.parse<string[]>(toCsv(['a', 'b'], rows).slice(1)).data;
    expect(parsed).toEqual([['a', 'b'], ...rows]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")']])).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('csvFileName', () => {
  it('names the file after what it holds and the day', () => {
    expect(csvFileName('northwind.outdoor', 'partnerships')).toMatch(/^collab-desk-northwind\.outdoor-partnerships-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
