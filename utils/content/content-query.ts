import type { Params } from '../graph/http';
import { parseContentItems, type ContentRow } from './content-row';
import type { AdUsageKey, EligibilityKey } from './content-words';

/** The edge, under the brand's business (see business-choice.ts). */
export const contentEdge = (businessId: string) => `${businessId}/partnership-ads-advertisable-content`;

/**
 * The fields the Content view shows, and no more: without `fields` Meta answers content_id only.
 * Names as Meta's page and SDKs give them (meta-graph-notes.md).
 */
export const CONTENT_FIELDS = [
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
].join(',');

/** Meta's default page size; it takes 1 to 50. */
export const CONTENT_PAGE_SIZE = 25;
export const MAX_CONTENT_PAGE_SIZE = 50;

export type ContentSort = 'RECOMMENDED' | 'DATE';
/** Values Meta's sources list for content_types; media and post kinds are passed as the person picks them. */
export const CONTENT_TYPES = ['BRANDED_CONTENT', 'PRODUCT', 'AFFILIATE', 'COLLAB_POST', 'TAGGED', 'REPOSTED'] as const;
export const MEDIA_TYPES = ['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM'] as const;
export const POST_TYPES = ['FEED', 'REEL', 'STORY'] as const;

/** What the person filters by; every filter runs at Meta. Empty lists and absent dates filter nothing. */
export interface ContentFilters {
  /** Creators' Instagram user IDs (ad_partner_ig_user_ids). */
  creatorIgIds?: string[];
  eligibility?: EligibilityKey[];
  adUsage?: AdUsageKey[];
  contentTypes?: string[];
  mediaTypes?: string[];
  postTypes?: string[];
  /** YYYY-MM-DD, inclusive. */
  startDate?: string;
  endDate?: string;
  /** Recommended first (Meta's order) or newest first. */
  sort?: ContentSort;
}

/**
 * The same filters however they were written: lists sorted, deduplicated and upper-cased
 * (IDs kept), empty ones dropped, RECOMMENDED as the default order. Two requests that mean the
 * same share one cache entry.
 */
export function normaliseFilters(filters: ContentFilters): ContentFilters {
  const list = (values: readonly string[] | undefined, upper: boolean) => {
    const cleaned = [...new Set((values ?? []).map((value) => (upper ? value.trim().toUpperCase() : value.trim())).filter(Boolean))];
    return cleaned.length > 0 ? cleaned.sort() : undefined;
  };
  const normal: ContentFilters = {
    creatorIgIds: list(filters.creatorIgIds, false),
    eligibility: list(filters.eligibility, true) as EligibilityKey[] | undefined,
    adUsage: list(filters.adUsage, true) as AdUsageKey[] | undefined,
    contentTypes: list(filters.contentTypes, true),
    mediaTypes: list(filters.mediaTypes, true),
    postTypes: list(filters.postTypes, true),
    startDate: filters.startDate?.trim() || undefined,
    endDate: filters.endDate?.trim() || undefined,
    sort: filters.sort ?? 'RECOMMENDED',
  };
  return Object.fromEntries(Object.entries(normal).filter(([, value]) => value !== undefined)) as ContentFilters;
}

/** A stable text for the filters (the cache key's part): equal for filters that mean the same. */
export function filtersKey(filters: ContentFilters): string {
  const normal = normaliseFilters(filters);
  return JSON.stringify(
    Object.keys(normal)
      .sort()
      .map((name) => [name, normal[name as keyof ContentFilters]]),
  );
}

/** Graph takes list parameters as JSON arrays. */
const jsonList = (values: readonly string[]) => JSON.stringify(values);

/** The query of one page of a brand's content: the fields shown, the filters, the page size and the cursor. */
export function contentListParams(brandIgId: string, filters: ContentFilters, page: { after?: string; limit?: number } = {}): Params {
  const normal = normaliseFilters(filters);
  const params: Params = {
    ig_user_id: brandIgId,
    fields: CONTENT_FIELDS,
    limit: Math.min(Math.max(Math.trunc(page.limit ?? CONTENT_PAGE_SIZE), 1), MAX_CONTENT_PAGE_SIZE),
    sort_by: normal.sort ?? 'RECOMMENDED',
  };
  const lists: Array<[string, string[] | undefined]> = [
    ['ad_partner_ig_user_ids', normal.creatorIgIds],
    ['ad_eligibilities', normal.eligibility],
    ['ad_usages', normal.adUsage],
    ['content_types', normal.contentTypes],
    ['media_types', normal.mediaTypes],
    ['post_types', normal.postTypes],
  ];
  for (const [name, values] of lists) if (values) params[name] = jsonList(values);
  if (normal.startDate) params.start_date = normal.startDate;
  if (normal.endDate) params.end_date = normal.endDate;
  if (page.after) params.after = page.after;
  return params;
}

/** One page of content as the background keeps and sends it. */
export interface ContentPage {
  rows: ContentRow[];
  /** The cursor of the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * A page of Meta's answer, or undefined when the answer is no list at all. The next page is
 * asked for with the page's `paging.cursors.after`, else the `after` of its `paging.next` link.
 * The list ends on a page without `paging` (as Meta's last page is said to come), without a
 * cursor, with no rows, or with the cursor just used (which would loop).
 */
export function readContentPage(body: unknown, usedCursor?: string): ContentPage | undefined {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { data?: unknown }).data)) return undefined;
  const { data, paging } = body as { data: unknown[]; paging?: unknown };
  const rows = parseContentItems(data);
  const nextCursor = data.length > 0 ? cursorAfter(paging) : undefined;
  return { rows, ...(nextCursor && nextCursor !== usedCursor ? { nextCursor } : {}) };
}

function cursorAfter(paging: unknown): string | undefined {
  if (typeof paging !== 'object' || paging === null) return undefined;
  const { next, cursors } = paging as { next?: unknown; cursors?: unknown };
  const after = typeof cursors === 'object' && cursors !== null ? (cursors as { after?: unknown }).after : undefined;
  if (typeof after === 'string' && after.trim()) return after.trim();
  if (typeof next !== 'string') return undefined;
  try {
    return new URL(next).searchParams.get('after') || undefined;
  } catch {
    return undefined;
  }
}
