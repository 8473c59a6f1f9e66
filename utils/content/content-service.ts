import * as z from 'zod/mini';
import type { CachedReader } from '../cache/cached-reader';
import { cacheKeyText } from '../cache/cache-keys';
import { AppError } from '../errors';
import type { GraphClient } from '../graph/client';
import type { Params } from '../graph/http';
import { said } from '../i18n/said';
import { readBusinessList, readPageBusiness, resolveBusiness, type Business, type BusinessResolution } from './business-choice';
import { lookupParams, matchLookup, planLookup, splitLookupText, type LookupOutcome } from './content-lookup';
import { contentEdge, contentListParams, filtersKey, readContentPage, type ContentFilters, type ContentPage } from './content-query';

export interface ContentServiceDeps {
  graph: GraphClient;
  reader: CachedReader;
  currentUserId(): Promise<string>;
  /** The Facebook Page the brand's Instagram account is linked to (from the access overview). */
  brandPageId(brandIgId: string): Promise<string | undefined>;
  /** The business the person chose for each brand, kept across sessions. */
  keptBusiness: {
    get(brandIgId: string): Promise<Business | undefined>;
    set(brandIgId: string, business: Business): Promise<void>;
  };
}

/** How long a page of content stays fresh; it is shown from the cache at once and refreshed behind after this. */
export const CONTENT_TTL_MS = 5 * 60_000;
/** Which business owns a Page changes rarely. */
export const BUSINESS_TTL_MS = 60 * 60_000;

/** No business to read under yet: the person picks one of these (kept per brand), or there is none. */
export type BusinessNeeded = { state: 'choose-business'; businesses: Business[] } | { state: 'no-business' };

export type ContentListAnswer =
  BusinessNeeded | { state: 'ready'; business: Business; page: ContentPage; fetchedAt: number; refreshing: boolean };

export type ContentLookupAnswer = BusinessNeeded | ({ state: 'ready'; business: Business } & LookupOutcome);

/** What Meta answered to the business reads (cached): the Page's owner, and the person's businesses when needed. */
interface BusinessFacts {
  pageBusiness?: Business;
  businesses?: Business[];
}

/** Meta refuses a value in one case and takes it in the other (sources disagree): the case that worked is kept. */
type ValueCase = 'upper' | 'lower';

/**
 * The brand's partnership content (Meta's Content Discovery edge): pages through the cache
 * per brand, filters and cursor; lookups by ad code or post link; and the business the edge
 * is read under. GET only: nothing here changes anything at Meta.
 */
export function createContentService(deps: ContentServiceDeps) {
  let valueCase: ValueCase = 'upper';

  /** The businesses the person manages, as Meta lists them now. */
  const listBusinesses = async () =>
    readBusinessList(await deps.graph.getAll('me/businesses', z.unknown(), { searchParams: { fields: 'id,name', limit: 100 } }));

  async function businessFacts(brandIgId: string): Promise<BusinessFacts> {
    const pageId = await deps.brandPageId(brandIgId);
    let pageBusiness: Business | undefined;
    if (pageId) {
      try {
        pageBusiness = readPageBusiness(await deps.graph.get(pageId, z.unknown(), { searchParams: { fields: 'business' } }));
      } catch (error) {
        // A Page whose business Meta will not say (a permission, an old Page) leaves the person's list to decide.
        if (!(error instanceof AppError) || !['permission-missing', 'invalid-request'].includes(error.kind)) throw error;
      }
    }
    if (pageBusiness) return { pageBusiness };
    return { businesses: await listBusinesses() };
  }

  async function resolution(brandIgId: string): Promise<BusinessResolution> {
    const kept = await deps.keptBusiness.get(brandIgId);
    if (kept) return { state: 'chosen', business: kept, source: 'kept' };
    const key = cacheKeyText({ area: 'content-business', userId: await deps.currentUserId(), brandIgId });
    const facts = (await deps.reader.get(key, BUSINESS_TTL_MS, () => businessFacts(brandIgId))).value;
    return resolveBusiness(facts);
  }

  function needed(found: Exclude<BusinessResolution, { state: 'chosen' }>): BusinessNeeded {
    return found.state === 'choose' ? { state: 'choose-business', businesses: found.businesses } : { state: 'no-business' };
  }

  /** One GET of the edge; a request Meta refuses as invalid is asked once more in the other case, which is kept when it works. */
  async function readEdge(businessId: string, params: (valueCase: ValueCase) => Params, usedCursor?: string): Promise<ContentPage> {
    const path = contentEdge(businessId);
    const ask = async (inCase: ValueCase) => {
      const page = readContentPage(await deps.graph.get(path, z.unknown(), { searchParams: params(inCase) }), usedCursor);
      if (!page) throw new AppError('unexpected-response', said('errorUnexpectedAnswer', { path: 'partnership-ads-advertisable-content' }));
      return page;
    };
    try {
      return await ask(valueCase);
    } catch (error) {
      const other: ValueCase = valueCase === 'upper' ? 'lower' : 'upper';
      if (
        !(error instanceof AppError) ||
        error.kind !== 'invalid-request' ||
        JSON.stringify(params(other)) === JSON.stringify(params(valueCase))
      ) {
        throw error;
      }
      const page = await ask(other).catch(() => Promise.reject(error));
      valueCase = other;
      return page;
    }
  }

  /** Per business too: the same brand read under another business (the person changed it) is another list. */
  async function pageKey(brandIgId: string, businessId: string, filters: ContentFilters, after: string | undefined) {
    return cacheKeyText({
      area: 'content',
      userId: await deps.currentUserId(),
      brandIgId,
      query: `${businessId}|${filtersKey(filters)}|${after ?? ''}`,
    });
  }

  async function listPage(
    brandIgId: string,
    filters: ContentFilters,
    after: string | undefined,
    fresh: boolean,
  ): Promise<ContentListAnswer> {
    const found = await resolution(brandIgId);
    if (found.state !== 'chosen') return needed(found);
    const load = () =>
      readEdge(found.business.id, (inCase) => inCaseParams(contentListParams(brandIgId, filters, { after }), inCase), after);
    const key = await pageKey(brandIgId, found.business.id, filters, after);
    const read = fresh ? await deps.reader.refresh(key, CONTENT_TTL_MS, load) : await deps.reader.get(key, CONTENT_TTL_MS, load);
    return { state: 'ready', business: found.business, page: read.value, fetchedAt: read.fetchedAt, refreshing: read.refreshing };
  }

  return {
    /** One page: the first (no cursor) or the one after `after`, from the cache when there is one. */
    listPage: (brandIgId: string, filters: ContentFilters, after?: string) => listPage(brandIgId, filters, after, false),
    /** The same page fresh from Meta. */
    refreshPage: (brandIgId: string, filters: ContentFilters, after?: string) => listPage(brandIgId, filters, after, true),

    /** Posts by ad code or post link, up to 50 lines: one request per kind, nothing cached (the person asked now). */
    async lookup(brandIgId: string, text: string | readonly string[]): Promise<ContentLookupAnswer> {
      const found = await resolution(brandIgId);
      if (found.state !== 'chosen') return needed(found);
      const plan = planLookup(typeof text === 'string' ? splitLookupText(text) : text);
      const rows = [];
      for (const request of plan.requests) {
        const page = await readEdge(found.business.id, (inCase) =>
          inCaseParams(lookupParams(brandIgId, request.kind, request.values), inCase),
        );
        // One value asked, one post answered: that post is the one, even when Meta left out its code or link.
        const [only] = page.rows;
        if (request.values.length === 1 && page.rows.length === 1 && only) {
          rows.push(
            request.kind === 'adCodes'
              ? { ...only, adCode: only.adCode ?? request.values[0] }
              : { ...only, permalink: only.permalink ?? request.values[0] },
          );
        } else {
          rows.push(...page.rows);
        }
      }
      return { state: 'ready', business: found.business, ...matchLookup(plan, rows) };
    },

    /** The businesses the person may choose from for a brand, and the one used now (if any). */
    async businesses(brandIgId: string): Promise<{ current?: Business; businesses: Business[] }> {
      const found = await resolution(brandIgId);
      return { current: found.state === 'chosen' ? found.business : undefined, businesses: await listBusinesses() };
    },

    /** Keeps the person's choice for the brand: it must be one of theirs, as Meta lists them now. */
    async chooseBusiness(brandIgId: string, businessId: string): Promise<Business> {
      const business = (await listBusinesses()).find((candidate) => candidate.id === businessId);
      if (!business) throw new AppError('invalid-request', said('contentBusinessUnknown', { id: businessId }));
      await deps.keptBusiness.set(brandIgId, business);
      return business;
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;

/** Enumerated values and the order in the case Meta takes; IDs, dates, links, codes and cursors as they are. */
const ENUM_PARAMS = ['ad_eligibilities', 'ad_usages', 'content_types', 'media_types', 'post_types', 'sort_by'];

function inCaseParams(params: Params, valueCase: ValueCase): Params {
  if (valueCase === 'upper') return params;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, ENUM_PARAMS.includes(name) ? String(value).toLowerCase() : value]),
  );
}
