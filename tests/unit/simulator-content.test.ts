import { describe, expect, it } from 'vitest';
import { parseGraphJson } from '@/utils/graph/graph-json';
import { DEMO_BUSINESSES, NORTHWIND_POSTS, UNSAFE_CONTENT_ID } from '../simulator/content-data';
import { DEMO_BRANDS } from '../simulator/demo-data';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';

const simulator = useSimulator();
const EDGE = `${DEMO_BUSINESSES.northwind.id}/partnership-ads-advertisable-content`;
const FIELDS = 'content_id,ad_usage,author{ig_user_id},partnership_info{ad_eligibility,ad_code},organic_insights{likes,reach}';

async function get(path: string, query: Record<string, string> = {}, scopes = ALL_SCOPES) {
  const { token } = simulator().state.issueToken(scopes);
  const response = await fetch(`${simulator().url}/v25.0/${path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: parseGraphJson(text) as {
      data: Array<Record<string, unknown>>;
      paging?: { cursors: { after: string }; next: string };
      error?: { code: number };
    },
  };
}

describe('simulator: partnership content', () => {
  it('answers content_id only without fields, and pages 60 posts over three pages, the last without paging', async () => {
    const bare = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id });
    expect(bare.body.data).toHaveLength(25);
    expect(Object.keys(bare.body.data[0]!)).toEqual(['content_id']);
    const ids: unknown[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id, fields: FIELDS, ...(after ? { after } : {}) });
      ids.push(...page.body.data.map((row) => row.content_id));
      pages += 1;
      after = page.body.paging?.cursors.after;
      if (!after) expect(page.body).not.toHaveProperty('paging');
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(NORTHWIND_POSTS);
  });

  it('writes the variety Meta allows: a bare 17-digit ID, null insights, a post without partnership_info, other cases, an unknown eligibility', async () => {
    const { text, body } = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id, fields: FIELDS, sort_by: 'DATE', limit: '50' });
    expect(text).toContain(`"content_id":${UNSAFE_CONTENT_ID}`);
    expect(body.data.map((row) => row.content_id)).toContain(UNSAFE_CONTENT_ID);
    expect(body.data.some((row) => row.organic_insights === null)).toBe(true);
    expect(body.data.some((row) => !('partnership_info' in row))).toBe(true);
    const eligibilities = body.data.flatMap(
      (row) => (row.partnership_info as Array<{ ad_eligibility: string }> | undefined)?.map((info) => info.ad_eligibility) ?? [],
    );
    expect(eligibilities).toEqual(expect.arrayContaining(['AD_READY', 'ad_ready', 'Needs_Attention', 'PENDING_REVIEW']));
    // Only the sub-fields asked for.
    expect(Object.keys(body.data.find((row) => row.partnership_info)!.partnership_info as object[])).toEqual(['0']);
    expect(Object.keys((body.data.find((row) => row.partnership_info)!.partnership_info as object[])[0]!).sort()).toEqual([
      'ad_code',
      'ad_eligibility',
    ]);
  });

  it('applies the filters, in any case, and the date range', async () => {
    const base = {
      ig_user_id: DEMO_BRANDS.northwind.id,
      fields: 'content_id,ad_usage,partnership_info{ad_eligibility},creation_time',
      limit: '50',
    };
    const ready = await get(EDGE, { ...base, ad_eligibilities: '["ad_ready"]', ad_usages: '["NEVER_USED"]' });
    expect(ready.body.data.length).toBeGreaterThan(0);
    for (const row of ready.body.data) {
      expect((row.partnership_info as Array<{ ad_eligibility: string }>)[0]!.ad_eligibility.toUpperCase()).toBe('AD_READY');
      expect((row.ad_usage as string).toUpperCase()).toBe('NEVER_USED');
    }
    const ranged = await get(EDGE, { ...base, start_date: '2026-11-01', end_date: '2026-11-15' });
    expect(ranged.body.data.length).toBeGreaterThan(0);
    for (const row of ranged.body.data)
      expect(String(row.creation_time) >= '2026-11-01' && String(row.creation_time) <= '2026-11-15').toBe(true);
  });

  it('looks up by one kind of value, at most 50, and refuses two kinds', async () => {
    const { posts } = simulator().state.content;
    const [first, second] = posts;
    const byCode = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id, ad_codes: JSON.stringify([first!.adCode, 'NOPE-1234']) });
    expect(byCode.body.data.map((row) => row.content_id)).toEqual([first!.contentId]);
    const byLink = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id, permalinks: JSON.stringify([second!.permalink]) });
    expect(byLink.body.data.map((row) => row.content_id)).toEqual([second!.contentId]);
    const both = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id, ad_codes: '["a"]', permalinks: '["b"]' });
    expect([both.status, both.body.error?.code]).toEqual([400, 100]);
    const many = await get(EDGE, {
      ig_user_id: DEMO_BRANDS.northwind.id,
      content_ids: JSON.stringify(Array.from({ length: 51 }, (_, i) => String(i))),
    });
    expect(many.status).toBe(400);
  });

  it("gives the Page's business, the person's businesses, and refuses the edge without business_management", async () => {
    expect((await get('200000000000001', { fields: 'business' })).body).toMatchObject({ business: DEMO_BUSINESSES.northwind });
    expect((await get('200000000000002', { fields: 'business' })).body).not.toHaveProperty('business');
    expect((await get('me/businesses')).body.data).toEqual([DEMO_BUSINESSES.northwind, DEMO_BUSINESSES.lumen]);
    const refused = await get(EDGE, { ig_user_id: DEMO_BRANDS.northwind.id }, ['instagram_basic', 'instagram_branded_content_ads_brand']);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 10]);
    const elsewhere = await get(`${DEMO_BUSINESSES.lumen.id}/partnership-ads-advertisable-content`, {
      ig_user_id: DEMO_BRANDS.northwind.id,
    });
    expect(elsewhere.status).toBe(400);
  });

  it('refuses upper-case filter values when told to, as one of Meta’s sources says it does', async () => {
    simulator().state.controls.refuseUpperCaseFilters = true;
    const base = { ig_user_id: DEMO_BRANDS.northwind.id, limit: '50' };
    expect((await get(EDGE, { ...base, ad_usages: '["ACTIVE"]' })).status).toBe(400);
    expect((await get(EDGE, { ...base, ad_usages: '["active"]', sort_by: 'date' })).status).toBe(200);
  });
});
