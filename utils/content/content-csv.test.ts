import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../i18n/in-english';
import { contentCsv } from './content-csv';
import { parseContentRow } from './content-row';

const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;

describe('contentCsv', () => {
  it('writes words beside Meta’s values, blank counts Meta did not give, and zeros it did', () => {
    const row = parseContentRow({
      content_id: 18099999999999999n.toString(),
      author: { display_name: 'maya.trails', ig_user_id: '17841460000000001' },
      ad_usage: 'active',
      partnership_info: [{ ad_eligibility: 'PENDING_REVIEW', ad_code: 'AC10x0001=' }],
      organic_insights: { likes: 0, reach: 40 },
    });
    const [header, line] = read(contentCsv([row], inEnglish.say));
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell('content_id')).toBe('18099999999999999');
    expect(cell('ad_usage')).toBe('Running now');
    expect(cell('meta_ad_usage')).toBe('active');
    expect(cell('eligibility')).toBe('PENDING_REVIEW');
    expect(cell('ad_code')).toBe('AC10x0001=');
    expect([cell('reach'), cell('likes'), cell('views')]).toEqual(['40', '0', '']);
  });

  it('makes a caption a spreadsheet would run as a formula inert', () => {
    const [header, line] = read(contentCsv([parseContentRow({ caption: '=HYPERLINK("https://evil.example","x")' })], inEnglish.say));
    expect(line![header!.indexOf('caption')]).toBe('\'=HYPERLINK("https://evil.example","x")');
  });
});
