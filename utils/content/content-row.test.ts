import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGraphJson } from '../graph/graph-json';
import { CAPTION_EXCERPT_LENGTH, INSIGHT_NAMES, parseContentItems, parseContentRow, readDay } from './content-row';

/** A row as Meta's sources describe it, every field filled. */
const full = {
  content_id: '18012345678901234',
  platform: 'INSTAGRAM',
  media_type: 'VIDEO',
  post_type: 'REEL',
  caption: 'Trail day  with\n@northwind.outdoor #ad',
  permalink: 'https://www.instagram.com/reel/C0deAbc123/',
  creation_time: '2026-11-02',
  author: { display_name: 'maya.trails', ig_user_id: '17841460000000001', fb_page_id: '1000990000000001', profile_picture_url: 'x' },
  is_recommended: true,
  ad_usage: 'NEVER_USED',
  partnership_info: [
    {
      ad_eligibility: 'AD_READY',
      tagged_partner: 'northwind',
      permission_status: 'APPROVED',
      ad_code: 'AbC-12_xyz=',
      content_types: ['BRANDED_CONTENT', 'collab_post'],
    },
  ],
  organic_insights: { likes: 120, comments: 4, views: 5000, reach: 3000, shares: 2, interaction: 9, saves: 0 },
};

describe('parseContentRow', () => {
  it('reads every documented field', () => {
    expect(parseContentRow(full)).toEqual({
      contentId: '18012345678901234',
      platform: 'INSTAGRAM',
      mediaType: 'VIDEO',
      postType: 'REEL',
      caption: 'Trail day with @northwind.outdoor #ad',
      createdOn: '2026-11-02',
      permalink: 'https://www.instagram.com/reel/C0deAbc123/',
      creator: { username: 'maya.trails', igUserId: '17841460000000001', fbPageId: '1000990000000001', displayName: 'maya.trails' },
      isRecommended: true,
      adUsage: 'NEVER_USED',
      eligibility: 'AD_READY',
      permissionStatus: 'APPROVED',
      adCode: 'AbC-12_xyz=',
      contentTypes: ['BRANDED_CONTENT', 'COLLAB_POST'],
      // A zero Meta gave is a zero; a count it did not give is absent.
      insights: { reach: 3000, views: 5000, likes: 120, comments: 4, shares: 2, saves: 0 },
    });
  });

  it('keeps every digit of a 17-digit ID sent as a bare JSON number', () => {
    const raw = parseGraphJson('{"content_id":18012345678901239,"author":{"ig_user_id":17841460000099999}}') as Record<string, unknown>;
    const row = parseContentRow(raw);
    expect(row.contentId).toBe('18012345678901239');
    expect(row.creator.igUserId).toBe('17841460000099999');
  });

  it('reads a row with null insights and no partnership_info: blank numbers, no eligibility, no ad code', () => {
    const row = parseContentRow({ content_id: '1', organic_insights: null });
    expect(row.insights).toEqual({});
    expect(row.eligibility).toBeUndefined();
    expect(row.adCode).toBeUndefined();
    expect(row.contentTypes).toEqual([]);
  });

  it('reads values in another case, partnership_info as one object, and counts sent as digits', () => {
    const row = parseContentRow({
      content_id: '2',
      platform: 'instagram',
      media_type: 'image',
      ad_usage: 'active',
      partnership_info: { ad_eligibility: 'needs_attention', ad_code: 'code12345' },
      organic_insights: { Likes: '15', VIEWS: 7, reach: -1, comments: 1.5, shares: 'many', saves: null },
    });
    expect(row).toMatchObject({
      platform: 'INSTAGRAM',
      mediaType: 'IMAGE',
      adUsage: 'active',
      eligibility: 'needs_attention',
      adCode: 'code12345',
    });
    expect(row.insights).toEqual({ likes: 15, views: 7 });
  });

  it("reads Graph's insights list shape", () => {
    const row = parseContentRow({
      organic_insights: {
        data: [
          { name: 'reach', values: [{ value: 40 }] },
          { name: 'likes', value: 3 },
          { name: 'saves', total_value: 2 },
        ],
      },
    });
    expect(row.insights).toEqual({ reach: 40, likes: 3, saves: 2 });
  });

  it('keeps an unknown eligibility exactly as sent', () => {
    expect(parseContentRow({ partnership_info: [{ ad_eligibility: 'PENDING_REVIEW' }] }).eligibility).toBe('PENDING_REVIEW');
  });

  it('takes the partnership entry that says something, skipping empty or odd ones', () => {
    const row = parseContentRow({
      partnership_info: [null, 'x', { tagged_partner: 'a' }, { ad_eligibility: 'EXCLUDED', ad_code: 'abcdefgh' }],
    });
    expect(row).toMatchObject({ eligibility: 'EXCLUDED', adCode: 'abcdefgh' });
  });

  it('reads dates as days, in any form a time comes in', () => {
    expect(readDay('2026-11-02')).toBe('2026-11-02');
    expect(readDay('2026-11-02T23:10:00+0000')).toBe('2026-11-02');
    expect(readDay(1_793_000_000)).toBe(new Date(1_793_000_000_000).toISOString().slice(0, 10));
    expect(readDay('2026-02-30')).toBeUndefined();
    expect(readDay('yesterday')).toBeUndefined();
    expect(readDay({})).toBeUndefined();
  });

  it('drops what cannot be shown safely: a link that is not https, an ad code with spaces, a name that is no username', () => {
    const row = parseContentRow({
      permalink: 'javascript:alert(1)',
      partnership_info: [{ ad_code: 'two words' }],
      author: { display_name: 'Maya Trails', ig_user_id: 'not an id!' },
    });
    expect(row.permalink).toBeUndefined();
    expect(row.adCode).toBeUndefined();
    expect(row.creator).toEqual({ displayName: 'Maya Trails' });
  });

  it('cuts a long caption at a character, never inside an emoji', () => {
    const caption = `${'🌲'.repeat(CAPTION_EXCERPT_LENGTH)} end`;
    const excerpt = parseContentRow({ caption }).caption!;
    expect(Array.from(excerpt)).toHaveLength(CAPTION_EXCERPT_LENGTH);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('reads items that are objects and skips the rest', () => {
    expect(parseContentItems([null, 1, 'x', [], { content_id: '5' }]).map((row) => row.contentId)).toEqual(['5']);
  });
});

/** Any JSON value, including the shapes a field is documented with. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('AD_READY', 'ad_ready', 'https://www.instagram.com/p/abcde/', '2026-11-02', 17841460000099999n),
);

describe('parseContentRow on hostile answers', () => {
  it('never throws and always gives a row of the documented shape, whatever each field holds', () => {
    const fields = [
      'content_id',
      'platform',
      'media_type',
      'post_type',
      'caption',
      'permalink',
      'creation_time',
      'author',
      'is_recommended',
      'ad_usage',
      'partnership_info',
      'organic_insights',
    ];
    const record = fc.record(Object.fromEntries(fields.map((field) => [field, anyValue])), { requiredKeys: [] });
    fc.assert(
      fc.property(record, (raw) => {
        const row = parseContentRow(raw as Record<string, unknown>);
        expect(Array.isArray(row.contentTypes)).toBe(true);
        for (const [name, count] of Object.entries(row.insights)) {
          expect(INSIGHT_NAMES).toContain(name);
          expect(Number.isSafeInteger(count) && count >= 0).toBe(true);
        }
        if (row.permalink) expect(row.permalink.startsWith('https:')).toBe(true);
        if (row.createdOn) expect(row.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (row.caption) expect(Array.from(row.caption).length).toBeLessThanOrEqual(CAPTION_EXCERPT_LENGTH);
        if (row.contentId) expect(row.contentId).toMatch(/^\w+$/);
      }),
      { numRuns: 400 },
    );
  });

  it('reads a JSON text with IDs as bare numbers of any length to the same row as with string IDs', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 19n }), fc.bigInt({ min: 1n, max: 10n ** 19n }), (contentId, creatorId) => {
        const asNumbers = parseGraphJson(`{"content_id":${contentId},"author":{"ig_user_id":${creatorId}}}`) as Record<string, unknown>;
        const asStrings = { content_id: String(contentId), author: { ig_user_id: String(creatorId) } };
        expect(parseContentRow(asNumbers)).toEqual(parseContentRow(asStrings));
      }),
    );
  });

  it('reads the same row whatever the case of its enumerated values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('INSTAGRAM', 'FACEBOOK'),
        fc.constantFrom('IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'),
        fc.boolean(),
        (platform, media, lower) => {
          const write = (value: string) => (lower ? value.toLowerCase() : value);
          const row = parseContentRow({ platform: write(platform), media_type: write(media) });
          expect(row).toMatchObject({ platform, mediaType: media });
        },
      ),
    );
  });
});
