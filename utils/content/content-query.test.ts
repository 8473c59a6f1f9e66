import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGraphJson } from '../graph/graph-json';
import { CONTENT_FIELDS, contentListParams, filtersKey, readContentPage, type ContentFilters } from './content-query';
import { adUsageKey, adUsageWord, businessNeededWords, eligibilityKey, eligibilityWord, lookupNotes } from './content-words';
import { inEnglish } from '../i18n/in-english';

describe('content request', () => {
  it('asks for the fields shown only, in the first page with Meta’s order by default', () => {
    expect(contentListParams('17841400000000001', {})).toEqual({
      ig_user_id: '17841400000000001',
      fields: CONTENT_FIELDS,
      limit: 25,
      sort_by: 'RECOMMENDED',
    });
    expect(CONTENT_FIELDS.split(/,(?![^{]*})/)).toEqual([
      'content_id',
      'platform',
      'media_type',
      'post_type',
      'caption',
      'permalink',
      'creation_time',
      'author{display_name,ig_user_id,fb_page_id}',
      'is_recommended',
      'ad_usage',
      'partnership_info{ad_eligibility,permission_status,ad_code,content_types}',
      'organic_insights{reach,views,likes,comments,shares,saves}',
    ]);
  });

  it('sends every filter to Meta, lists as JSON arrays, with the cursor and a page size Meta takes', () => {
    const filters: ContentFilters = {
      creatorIgIds: ['17841460000099999', '17841460000000001'],
      eligibility: ['AD_READY'],
      adUsage: ['NEVER_USED', 'ACTIVE'],
      contentTypes: ['collab_post'],
      mediaTypes: ['VIDEO'],
      postTypes: ['REEL'],
      startDate: '2026-10-01',
      endDate: '2026-11-30',
      sort: 'DATE',
    };
    expect(contentListParams('1', filters, { after: 'QVFI', limit: 80 })).toEqual({
      ig_user_id: '1',
      fields: CONTENT_FIELDS,
      limit: 50,
      sort_by: 'DATE',
      ad_partner_ig_user_ids: '["17841460000000001","17841460000099999"]',
      ad_eligibilities: '["AD_READY"]',
      ad_usages: '["ACTIVE","NEVER_USED"]',
      content_types: '["COLLAB_POST"]',
      media_types: '["VIDEO"]',
      post_types: '["REEL"]',
      start_date: '2026-10-01',
      end_date: '2026-11-30',
      after: 'QVFI',
    });
    expect(contentListParams('1', {}, { limit: 0 }).limit).toBe(1);
  });

  it('gives filters that mean the same one cache key, and different filters different keys', () => {
    expect(filtersKey({ eligibility: ['AD_READY', 'EXCLUDED'], creatorIgIds: [] })).toBe(
      filtersKey({ eligibility: ['excluded', 'ad_ready', 'AD_READY'] as never, sort: 'RECOMMENDED' }),
    );
    expect(filtersKey({ sort: 'DATE' })).not.toBe(filtersKey({}));
    expect(filtersKey({ creatorIgIds: ['1'] })).not.toBe(filtersKey({ creatorIgIds: ['2'] }));
    fc.assert(
      fc.property(fc.array(fc.constantFrom('AD_READY', 'INELIGIBLE', 'EXCLUDED', 'NEEDS_ATTENTION')), (values) => {
        const shuffled = [...values].reverse().map((value) => value.toLowerCase());
        expect(filtersKey({ eligibility: shuffled as never })).toBe(filtersKey({ eligibility: values as never }));
      }),
    );
  });
});

describe('readContentPage', () => {
  const row = { content_id: '1' };
  it('follows the cursor while Meta gives one, and ends on a page without paging', () => {
    expect(readContentPage({ data: [row], paging: { cursors: { before: 'A', after: 'B' }, next: 'https://graph/x?after=B' } })).toEqual({
      rows: [expect.objectContaining({ contentId: '1' })],
      nextCursor: 'B',
    });
    expect(readContentPage({ data: [row] })).toEqual({ rows: [expect.objectContaining({ contentId: '1' })] });
  });

  it('takes the cursor from the next link when cursors are missing', () => {
    expect(readContentPage({ data: [row], paging: { next: 'https://graph.facebook.com/v25.0/9/x?limit=25&after=Q1' } })?.nextCursor).toBe(
      'Q1',
    );
  });

  it('ends on a null or odd cursor, an empty page, and a cursor equal to the one just used', () => {
    expect(readContentPage({ data: [row], paging: { cursors: { after: null } } })?.nextCursor).toBeUndefined();
    expect(readContentPage({ data: [row], paging: { cursors: { after: 5 }, next: 7 } })?.nextCursor).toBeUndefined();
    expect(readContentPage({ data: [], paging: { cursors: { after: 'C' }, next: 'https://x/?after=C' } })?.nextCursor).toBeUndefined();
    expect(readContentPage({ data: [row], paging: { cursors: { after: 'C' } } }, 'C')?.nextCursor).toBeUndefined();
  });

  it('never throws on any paging, and gives a next cursor only as a non-empty string other than the one just used', () => {
    const paging = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          cursors: fc.oneof(fc.jsonValue(), fc.record({ after: fc.oneof(fc.string(), fc.jsonValue()) })),
          next: fc.oneof(fc.webUrl(), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 3 }),
        paging,
        fc.option(fc.string(), { nil: undefined }),
        (data, pagingValue, used) => {
          const page = readContentPage({ data, paging: pagingValue }, used);
          expect(page?.rows.length).toBeLessThanOrEqual(data.length);
          if (page?.nextCursor !== undefined) {
            expect(typeof page.nextCursor === 'string' && page.nextCursor.length > 0 && page.nextCursor !== used).toBe(true);
            expect(data.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('says an answer without a data list is no page', () => {
    for (const body of [undefined, null, true, {}, { data: 'x' }, parseGraphJson('<html>')]) expect(readContentPage(body)).toBeUndefined();
  });
});

describe('eligibility and ad usage words', () => {
  it.each([
    ['AD_READY', 'contentEligibilityReady'],
    ['ad_ready', 'contentEligibilityReady'],
    ['Needs_Attention', 'contentEligibilityAttention'],
    ['INELIGIBLE', 'contentEligibilityIneligible'],
    ['excluded', 'contentEligibilityExcluded'],
  ])('%s is said with %s', (value, key) => {
    expect(eligibilityWord(value)).toEqual({ key });
  });

  it('says any other value exactly as Meta sent it, and nothing for none', () => {
    expect(eligibilityWord('PENDING_REVIEW')).toBe('PENDING_REVIEW');
    expect(eligibilityKey('PENDING_REVIEW')).toBeUndefined();
    expect(eligibilityWord(undefined)).toBe('');
    expect(adUsageWord('SCHEDULED')).toBe('SCHEDULED');
  });

  it.each([
    ['NEVER_USED', 'contentAdUsageNever'],
    ['active', 'contentAdUsageActive'],
    ['Previously_Used', 'contentAdUsagePrevious'],
  ])('ad usage %s is said with %s', (value, key) => {
    expect(adUsageWord(value)).toEqual({ key });
    expect(adUsageKey(value)).toBe(value.toUpperCase());
  });
});

describe('words for lookups and businesses', () => {
  it('says each line a lookup could not show, the unreadable ones first', () => {
    expect(lookupNotes({ notFound: ['CODE-1'], invalid: ['x y'] }).map(({ input, note }) => [input, inEnglish.say(note)])).toEqual([
      ['x y', 'x y is not an ad code or an Instagram post link.'],
      ['CODE-1', 'Meta does not know CODE-1 for this brand.'],
    ]);
    expect(inEnglish.say(businessNeededWords('choose-business'))).toMatch(/^Choose the business/);
    expect(inEnglish.say(businessNeededWords('no-business'))).toMatch(/^Meta shows no business/);
  });
});
