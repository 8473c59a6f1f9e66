import { describe, expect, it, vi } from 'vitest';
import { openCollabDeskDb } from '@/utils/background/database';
import { createCachedReader } from '@/utils/cache/cached-reader';
import { createGraphCache } from '@/utils/cache/graph-cache';
import type { Business } from '@/utils/content/business-choice';
import { createContentService, CONTENT_TTL_MS, type ContentListAnswer } from '@/utils/content/content-service';
import { AppError } from '@/utils/errors';
import { createGraphClient } from '@/utils/graph/client';
import { DEMO_BUSINESSES, NORTHWIND_POSTS, UNSAFE_CONTENT_ID } from '../simulator/content-data';
import { DEMO_BRANDS } from '../simulator/demo-data';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';

const simulator = useSimulator();
const PAGE_OF: Record<string, string> = { [DEMO_BRANDS.northwind.id]: '200000000000001', [DEMO_BRANDS.lumen.id]: '200000000000002' };
let database = 0;

function setup(scopes = ALL_SCOPES) {
  let now = 1_000_000;
  const { token } = simulator().state.issueToken(scopes);
  const graph = createGraphClient({ graphOrigin: simulator().url, apiVersion: 'v25.0', getAccessToken: async () => token, now: () => now });
  database += 1;
  const cache = createGraphCache(openCollabDeskDb(`content-test-${database}`), () => now);
  const reader = createCachedReader(cache, vi.fn());
  const kept = new Map<string, Business>();
  const content = createContentService({
    graph,
    reader,
    currentUserId: async () => 'user-1',
    brandPageId: async (brandIgId) => PAGE_OF[brandIgId],
    keptBusiness: { get: async (brandIgId) => kept.get(brandIgId), set: async (brandIgId, business) => void kept.set(brandIgId, business) },
  });
  const calls = (path: string) => simulator().state.log.filter((entry) => entry.path.endsWith(path));
  return { content, kept, calls, advance: (ms: number) => (now += ms) };
}

function ready(answer: ContentListAnswer) {
  if (answer.state !== 'ready') throw new Error(`not ready: ${answer.state}`);
  return answer;
}

describe('content service', () => {
  it("lists a brand's 60 posts over three pages, each row readable, and stops when the last page has no paging", async () => {
    const { content, calls } = setup();
    const rows = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const answer = ready(await content.listPage(DEMO_BRANDS.northwind.id, {}, after));
      expect(answer.business).toEqual(DEMO_BUSINESSES.northwind);
      rows.push(...answer.page.rows);
      after = answer.page.nextCursor;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(rows.map((row) => row.contentId)).size).toBe(NORTHWIND_POSTS);
    // Every digit of the ID Meta sent as a bare number; the odd rows read, not dropped.
    expect(rows.map((row) => row.contentId)).toContain(UNSAFE_CONTENT_ID);
    expect(rows.filter((row) => Object.keys(row.insights).length === 0)).toHaveLength(1);
    expect(rows.find((row) => row.eligibility === 'PENDING_REVIEW')).toBeDefined();
    expect(rows.filter((row) => row.eligibility === undefined && row.adCode === undefined)).toHaveLength(1);
    expect(rows.every((row) => row.creator.username && row.creator.igUserId)).toBe(true);
    const edgeCalls = calls('partnership-ads-advertisable-content');
    expect(edgeCalls.every((call) => call.method === 'GET' && call.query.fields?.includes('partnership_info{'))).toBe(true);
    expect(edgeCalls).toHaveLength(3);
    // The Page said which business owns it: /me/businesses was not needed.
    expect(calls('me/businesses')).toHaveLength(0);
  });

  it('sends the filters to Meta and caches each page per brand and filters, refreshed behind once stale', async () => {
    const { content, calls, advance } = setup();
    const filters = {
      eligibility: ['AD_READY' as const],
      adUsage: ['NEVER_USED' as const],
      sort: 'DATE' as const,
      startDate: '2026-10-01',
    };
    const first = ready(await content.listPage(DEMO_BRANDS.northwind.id, filters));
    expect(first.page.rows.length).toBeGreaterThan(0);
    expect(
      first.page.rows.every((row) => row.eligibility?.toUpperCase() === 'AD_READY' && row.adUsage?.toUpperCase() === 'NEVER_USED'),
    ).toBe(true);
    const [call] = calls('partnership-ads-advertisable-content');
    expect(call?.query).toMatchObject({
      ad_eligibilities: '["AD_READY"]',
      ad_usages: '["NEVER_USED"]',
      sort_by: 'DATE',
      start_date: '2026-10-01',
    });
    // Same filters written otherwise: the cache answers.
    const again = ready(await content.listPage(DEMO_BRANDS.northwind.id, { ...filters, eligibility: ['AD_READY', 'AD_READY'] }));
    expect(again.page).toEqual(first.page);
    expect(calls('partnership-ads-advertisable-content')).toHaveLength(1);
    // Other filters: Meta is asked.
    await content.listPage(DEMO_BRANDS.northwind.id, { sort: 'DATE' });
    expect(calls('partnership-ads-advertisable-content')).toHaveLength(2);
    advance(CONTENT_TTL_MS);
    expect(ready(await content.listPage(DEMO_BRANDS.northwind.id, filters)).refreshing).toBe(true);
    await vi.waitFor(() => expect(calls('partnership-ads-advertisable-content')).toHaveLength(3));
  });

  it("filters by creator at Meta (Posts ready for ads): only that creator's posts, by Instagram ID", async () => {
    const { content, calls } = setup();
    const posts = simulator().state.content.posts.filter((post) => post.brandIgId === DEMO_BRANDS.northwind.id);
    const creatorId = posts[1]!.creatorId;
    const answer = ready(await content.listPage(DEMO_BRANDS.northwind.id, { creatorIgIds: [creatorId] }));
    expect(answer.page.rows.map((row) => row.contentId).sort()).toEqual(
      posts
        .filter((post) => post.creatorId === creatorId)
        .map((post) => post.contentId)
        .sort(),
    );
    expect(answer.page.rows.every((row) => row.creator.igUserId === creatorId)).toBe(true);
    expect(calls('partnership-ads-advertisable-content')[0]?.query.ad_partner_ig_user_ids).toBe(JSON.stringify([creatorId]));
  });

  it('asks again in lower case when Meta refuses upper-case values, and keeps asking that way', async () => {
    simulator().state.controls.refuseUpperCaseFilters = true;
    const { content, calls } = setup();
    const answer = ready(await content.listPage(DEMO_BRANDS.northwind.id, { adUsage: ['ACTIVE'] }));
    expect(answer.page.rows.length).toBeGreaterThan(0);
    await content.listPage(DEMO_BRANDS.northwind.id, { adUsage: ['PREVIOUSLY_USED'] });
    expect(calls('partnership-ads-advertisable-content').map((call) => [call.query.ad_usages, call.status])).toEqual([
      ['["ACTIVE"]', 400],
      ['["active"]', 200],
      ['["previously_used"]', 200],
    ]);
  });

  it('finds posts by ad code and by post link, one request per kind, and names those Meta does not know', async () => {
    const { content, calls } = setup();
    const posts = simulator().state.content.posts.filter((post) => post.brandIgId === DEMO_BRANDS.northwind.id);
    const answer = await content.lookup(DEMO_BRANDS.northwind.id, [
      posts[0]!.adCode!,
      posts[1]!.permalink.replace('https://www.instagram.com/', `instagram.com/${posts[1]!.creatorUsername}/`),
      'UNKNOWN-CODE-1',
      'https://www.instagram.com/p/NoSuchPost1/',
      'hello there',
    ]);
    expect(answer).toMatchObject({
      state: 'ready',
      notFound: ['UNKNOWN-CODE-1', 'https://www.instagram.com/p/NoSuchPost1/'],
      invalid: ['hello there'],
    });
    if (answer.state !== 'ready') return;
    expect(answer.rows.map((row) => row.contentId)).toEqual([posts[0]!.contentId, posts[1]!.contentId]);
    expect(
      calls('partnership-ads-advertisable-content').map((call) =>
        Object.keys(call.query).filter((name) => name === 'ad_codes' || name === 'permalinks'),
      ),
    ).toEqual([['ad_codes'], ['permalinks']]);
  });

  it('takes the one post Meta answers for one ad code as that code’s, even when Meta leaves the code out', async () => {
    const { content } = setup();
    const post = simulator().state.content.posts.find((candidate) => candidate.brandIgId === DEMO_BRANDS.northwind.id && candidate.adCode)!;
    // The simulator answers only the fields asked; without partnership_info the code is not in the answer.
    const realFields = post.eligibility;
    delete post.eligibility;
    const answer = await content.lookup(DEMO_BRANDS.northwind.id, [post.adCode!]);
    post.eligibility = realFields;
    expect(answer).toMatchObject({ state: 'ready', notFound: [], rows: [{ contentId: post.contentId, adCode: post.adCode }] });
  });

  it('asks the person to choose when several businesses could apply, then keeps the choice', async () => {
    const { content, kept } = setup();
    expect(await content.listPage(DEMO_BRANDS.lumen.id, {})).toEqual({
      state: 'choose-business',
      businesses: [DEMO_BUSINESSES.northwind, DEMO_BUSINESSES.lumen],
    });
    await expect(content.chooseBusiness(DEMO_BRANDS.lumen.id, '123')).rejects.toMatchObject({ kind: 'invalid-request' });
    expect(await content.chooseBusiness(DEMO_BRANDS.lumen.id, DEMO_BUSINESSES.lumen.id)).toEqual(DEMO_BUSINESSES.lumen);
    expect(kept.get(DEMO_BRANDS.lumen.id)).toEqual(DEMO_BUSINESSES.lumen);
    const answer = ready(await content.listPage(DEMO_BRANDS.lumen.id, {}));
    expect(answer.business).toEqual(DEMO_BUSINESSES.lumen);
    expect(answer.page.rows).toHaveLength(8);
    expect(await content.businesses(DEMO_BRANDS.lumen.id)).toEqual({
      current: DEMO_BUSINESSES.lumen,
      businesses: [DEMO_BUSINESSES.northwind, DEMO_BUSINESSES.lumen],
    });
  });

  it('reads the brand under the newly chosen business at once, not from the pages cached under the old one', async () => {
    const { content, calls } = setup();
    await content.chooseBusiness(DEMO_BRANDS.lumen.id, DEMO_BUSINESSES.lumen.id);
    ready(await content.listPage(DEMO_BRANDS.lumen.id, {}));
    await content.chooseBusiness(DEMO_BRANDS.lumen.id, DEMO_BUSINESSES.northwind.id);
    const answer = ready(await content.listPage(DEMO_BRANDS.lumen.id, {}));
    expect(answer.business).toEqual(DEMO_BUSINESSES.northwind);
    expect(calls('partnership-ads-advertisable-content').map((call) => call.path.split('/').at(-2))).toEqual([
      DEMO_BUSINESSES.lumen.id,
      DEMO_BUSINESSES.northwind.id,
    ]);
  });

  it('turns a missing business_management into the typed permission error', async () => {
    const { content } = setup(ALL_SCOPES.filter((scope) => scope !== 'business_management'));
    const failure = await content.listPage(DEMO_BRANDS.northwind.id, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).kind).toBe('permission-missing');
  });
});
