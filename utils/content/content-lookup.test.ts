import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLookupLine, instagramPostCode, lookupParams, matchLookup, planLookup, splitLookupText } from './content-lookup';
import { parseContentRow } from './content-row';

describe('classifyLookupLine', () => {
  it.each([
    ['https://www.instagram.com/p/C0deAbc123/', 'https://www.instagram.com/p/C0deAbc123/', 'C0deAbc123'],
    ['instagram.com/reel/Reel_-99/?igsh=abc', 'https://www.instagram.com/reel/Reel_-99/', 'Reel_-99'],
    ['https://instagram.com/maya.trails/p/XyZ12345', 'https://www.instagram.com/p/XyZ12345/', 'XyZ12345'],
    ['http://m.instagram.com/reels/AbCdE1/', 'https://www.instagram.com/reel/AbCdE1/', 'AbCdE1'],
    ['https://www.instagram.com/tv/TvCode1/', 'https://www.instagram.com/tv/TvCode1/', 'TvCode1'],
  ])('reads %s as a post link', (line, value, postCode) => {
    expect(classifyLookupLine(line)).toEqual({ input: line, kind: 'permalinks', value, postCode });
  });

  it.each(['AbC-12_xyz=', 'QVFIUmZ0eVhDWUk4a3lUNmVBZAZDZD', 'ad.code/with+slash='])('reads %s as an ad code', (line) => {
    expect(classifyLookupLine(` ${line} `)).toEqual({ input: line, kind: 'adCodes', value: line });
  });

  it.each([
    'https://www.instagram.com/maya.trails/',
    'https://www.instagram.com/explore/tags/x/',
    'https://evil.example/p/C0deAbc123/',
    'https://www.instagram.com.evil.example/p/C0deAbc123/',
    'short',
    'two words',
    'javascript:alert(1)',
  ])('reads %s as neither', (line) => {
    expect(classifyLookupLine(line).kind).toBe('invalid');
  });

  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (line) => {
        const entry = classifyLookupLine(line);
        if (entry.kind === 'permalinks') expect(entry.value).toMatch(/^https:\/\/www\.instagram\.com\/(p|reel|tv)\/[\w-]+\/$/);
        if (entry.kind === 'adCodes') expect(entry.value).not.toMatch(/\s/);
      }),
    );
  });
});

describe('planLookup', () => {
  it('asks once per kind, each value once, and names the lines that are neither', () => {
    const lines = splitLookupText(
      'AbC-12_xyz=\nhttps://www.instagram.com/p/C0deAbc123/, AbC-12_xyz=\n\n nonsense!\ninstagram.com/p/C0deAbc123',
    );
    const plan = planLookup(lines);
    expect(plan.requests).toEqual([
      { kind: 'adCodes', values: ['AbC-12_xyz='] },
      { kind: 'permalinks', values: ['https://www.instagram.com/p/C0deAbc123/'] },
    ]);
    expect(plan.invalid).toEqual(['nonsense!']);
  });

  it('builds the query of one kind, with the fields shown and no filters or paging', () => {
    expect(lookupParams('9', 'adCodes', ['a1234567', 'b1234567'])).toEqual({
      ig_user_id: '9',
      fields: expect.stringContaining('partnership_info{'),
      ad_codes: '["a1234567","b1234567"]',
    });
    expect(Object.keys(lookupParams('9', 'permalinks', ['https://www.instagram.com/p/x1234/']))).toEqual([
      'ig_user_id',
      'fields',
      'permalinks',
    ]);
  });
});

describe('matchLookup', () => {
  it('finds rows by ad code and by post code (Meta may write the link with the username), and names the rest', () => {
    const plan = planLookup([
      'https://www.instagram.com/p/C0deAbc123/',
      'CODE-AAAA1',
      'CODE-MISSING',
      'https://www.instagram.com/reel/Gone12345/',
      'bad line!',
    ]);
    const rows = [
      parseContentRow({ content_id: '1', permalink: 'https://www.instagram.com/maya.trails/p/C0deAbc123/' }),
      parseContentRow({ content_id: '2', partnership_info: [{ ad_code: 'CODE-AAAA1' }] }),
    ];
    const outcome = matchLookup(plan, rows);
    expect(outcome.rows.map((row) => row.contentId)).toEqual(['1', '2']);
    expect(outcome.notFound).toEqual(['CODE-MISSING', 'https://www.instagram.com/reel/Gone12345/']);
    expect(outcome.invalid).toEqual(['bad line!']);
  });

  it('lists a post found by its code and by its link once', () => {
    const plan = planLookup(['CODE-AAAA1', 'https://www.instagram.com/p/Same12345/']);
    const row = parseContentRow({
      content_id: '1',
      permalink: 'https://www.instagram.com/p/Same12345/',
      partnership_info: { ad_code: 'CODE-AAAA1' },
    });
    expect(matchLookup(plan, [row]).rows).toEqual([row]);
  });

  it('reads post codes from links in any form', () => {
    expect(instagramPostCode('www.instagram.com/p/abcde')).toEqual({ permalink: 'https://www.instagram.com/p/abcde/', postCode: 'abcde' });
    expect(instagramPostCode('not a link')).toBeUndefined();
  });
});
