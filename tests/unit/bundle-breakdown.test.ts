import { describe, expect, it } from 'vitest';
import { attributeBytes, breakdownTable, ownerOf, OUR_CODE, UNMAPPED } from '../../scripts/bundle-breakdown';

describe('ownerOf', () => {
  it.each([
    ['../../node_modules/preact/dist/preact.module.js', 'preact'],
    ['../../node_modules/@tanstack/virtual-core/dist/esm/index.js', '@tanstack/virtual-core'],
    ['../../node_modules/wxt/node_modules/zod/v4/core/util.js', 'zod'],
    ['C:\\work\\node_modules\\idb\\build\\index.js', 'idb'],
    ['../../utils/graph/client.ts', OUR_CODE],
    ['../../components/StatusWord.tsx', OUR_CODE],
    [null, UNMAPPED],
  ])('%s belongs to %s', (source, owner) => {
    expect(ownerOf(source)).toBe(owner);
  });
});

describe('attributeBytes', () => {
  // Three sources; line 0 maps columns 0 and 6, line 1 column 0 and an unmapped segment at 5, line 2 only from column 2.
  // Mappings: "AAAA,MCAA" = (col 0, src 0), (col 6, src 1); "ACAA,K" = (col 0, src 2), (col 5, no source);
  // "EDAA" = (col 2, src 1).
  const map = {
    version: 3 as const,
    file: 'out.js',
    names: [],
    sources: ['../node_modules/preact/dist/preact.mjs', '../utils/words.ts', '../node_modules/@tanstack/virtual-core/dist/index.js'],
    mappings: 'AAAA,MCAA;ACAA,K;EDAA',
  };

  it('gives every byte to the source of the segment it falls in, newlines to the line’s last segment', () => {
    // Line 0: "var p=" (preact, 6) then "say('é');" (ours: 9 UTF-16 units, 10 UTF-8 bytes) and its newline.
    // Line 1: "tv();" (tanstack, 5), then "/*x*/" unmapped (5) and its newline. Line 2: "  " unmapped, "go()" ours.
    const code = "var p=say('é');\ntv();/*x*/\n  go()";
    const bytes = attributeBytes(code, map);
    expect(Object.fromEntries(bytes)).toEqual({
      preact: 6,
      [OUR_CODE]: 11 + 4,
      '@tanstack/virtual-core': 5,
      [UNMAPPED]: 6 + 2,
    });
    expect([...bytes.values()].reduce((sum, size) => sum + size, 0)).toBe(Buffer.byteLength(code, 'utf8'));
  });

  it('counts lines without any segment, and lines past the mappings, as unmapped', () => {
    const code = "var p=say('é');\ntv();/*x*/\n  go()\n// trailing comment";
    const bytes = attributeBytes(code, map);
    expect(bytes.get(UNMAPPED)).toBe(6 + 2 + '// trailing comment'.length);
    expect(bytes.get(OUR_CODE)).toBe(11 + 4 + 1);
  });
});

describe('breakdownTable', () => {
  it('puts each part’s gzip size beside its budget, then its owners largest first, with estimated gzip shares', () => {
    const table = breakdownTable([
      {
        part: 'popup',
        budgetBytes: 20_000,
        gzipBytes: 19_546,
        bytes: 56_328,
        shares: [
          { owner: OUR_CODE, bytes: 31_316, gzipEstimate: 10_867.4 },
          { owner: 'preact', bytes: 13_356, gzipEstimate: 4_635.2 },
        ],
      },
      {
        part: 'views loaded when opened',
        gzipBytes: 35_362,
        bytes: 1_000,
        shares: [{ owner: 'papaparse', bytes: 1_000, gzipEstimate: 35_362 }],
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| part | takes the bytes | minified bytes | share | gzip bytes (estimated) |',
      '| --- | --- | ---: | ---: | ---: |',
      '| popup: 19,546 B gzip of a 20,000 B budget | our code | 31,316 | 55.6 % | ≈ 10,867 |',
      '|  | preact | 13,356 | 23.7 % | ≈ 4,635 |',
      '| views loaded when opened: 35,362 B gzip, no budget | papaparse | 1,000 | 100.0 % | ≈ 35,362 |',
    ]);
  });
});
