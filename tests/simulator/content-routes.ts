import type { SimContentPost } from './content-data';
import { MetaError, parseFields, RawJsonNumber, requireScopes, type FieldSelection, type GraphCall } from './graph-routes';
import type { IssuedToken, SimulatorState } from './state';

const CONTENT_SCOPES = ['business_management', 'instagram_branded_content_ads_brand', 'instagram_basic'];
const TOP_FIELDS = [
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
const LIST_FILTERS: Record<string, (post: SimContentPost) => string | string[] | undefined> = {
  ad_partner_ig_user_ids: (post) => post.creatorId,
  ad_eligibilities: (post) => post.eligibility,
  ad_usages: (post) => post.adUsage,
  content_types: (post) => post.contentTypes,
  media_types: (post) => post.mediaType,
  post_types: (post) => post.postType,
  platform_types: (post) => post.platform,
};
const LOOKUPS = ['content_ids', 'permalinks', 'ad_codes'] as const;
const MAX_LIMIT = 50;

/**
 * The Content Discovery reads: `GET /{business-id}/partnership-ads-advertisable-content`,
 * the Page's `business` field and `/me/businesses`. Undefined for any other call.
 */
export function routeContent(state: SimulatorState, call: GraphCall, token: IssuedToken): unknown {
  if (call.method !== 'GET') return undefined;
  const content = state.content;
  if (call.path === 'me/businesses') {
    requireScopes(token, ['business_management']);
    return { data: content.businesses.map((business) => ({ id: business.id, name: business.name })) };
  }
  const page = state.world.pages.find((candidate) => candidate.id === call.path);
  if (page && call.query.fields === 'business') {
    requireScopes(token, ['business_management']);
    const businessId = content.pageBusiness[page.id];
    const business = content.businesses.find((candidate) => candidate.id === businessId);
    return business ? { business: { id: business.id, name: business.name }, id: page.id } : { id: page.id };
  }
  const businessId = call.path.match(/^(\d+)\/partnership-ads-advertisable-content$/)?.[1];
  if (!businessId) return undefined;
  return listContent(state, call, token, businessId);
}

function listContent(state: SimulatorState, call: GraphCall, token: IssuedToken, businessId: string): unknown {
  requireScopes(token, CONTENT_SCOPES);
  const brands = state.content.businessBrands[businessId];
  if (!brands) throw unknownObject(businessId);
  const brandIgId = call.query.ig_user_id;
  if (!brandIgId) throw new MetaError(400, 100, '(#100) ig_user_id or fb_page_id must be specified');
  if (!brands.includes(brandIgId)) {
    throw new MetaError(400, 100, `(#100) The Instagram account ${brandIgId} is not an asset of business ${businessId}`);
  }
  const fields = call.query.fields ? parseFields(call.query.fields) : [{ name: 'content_id', children: [] }];
  const unknown = fields.find((field) => !TOP_FIELDS.includes(field.name));
  if (unknown)
    throw new MetaError(400, 100, `(#100) Tried accessing nonexisting field (${unknown.name}) on node type (PartnershipAdsContent)`);
  const mine = state.content.posts.filter((post) => post.brandIgId === brandIgId);

  const lookups = LOOKUPS.filter((name) => call.query[name] !== undefined);
  if (lookups.length > 1) throw new MetaError(400, 100, `(#100) Only one of ${LOOKUPS.join(', ')} may be given`);
  if (lookups.length === 1) {
    const values = listParam(call.query[lookups[0]!]!);
    if (values.length > 50) throw new MetaError(400, 100, `(#100) ${lookups[0]} takes at most 50 values`);
    const found = mine.filter((post) =>
      values.some((value) =>
        lookups[0] === 'content_ids'
          ? value === post.contentId
          : lookups[0] === 'ad_codes'
            ? value === post.adCode
            : value.includes(`/${post.postCode}/`) || value.endsWith(`/${post.postCode}`),
      ),
    );
    return { data: found.map((post) => contentRecord(post, fields)) };
  }

  const limit = call.query.limit === undefined ? 25 : Number(call.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new MetaError(400, 100, `(#100) limit must be between 1 and ${MAX_LIMIT}`);
  let posts = mine.filter((post) => matchesFilters(post, call.query, state.controls.refuseUpperCaseFilters));
  const sort = (call.query.sort_by ?? 'RECOMMENDED').toUpperCase();
  if (sort !== 'RECOMMENDED' && sort !== 'DATE') throw new MetaError(400, 100, `(#100) sort_by must be one of RECOMMENDED, DATE`);
  if (state.controls.refuseUpperCaseFilters && call.query.sort_by && call.query.sort_by !== call.query.sort_by.toLowerCase()) {
    throw new MetaError(400, 100, `(#100) Param sort_by must be one of {recommended, date}`);
  }
  posts = [...posts].sort(
    (a, b) =>
      (sort === 'RECOMMENDED' ? Number(b.isRecommended) - Number(a.isRecommended) : 0) || b.creationDay.localeCompare(a.creationDay),
  );
  const start = call.query.after ? Number(Buffer.from(call.query.after, 'base64url').toString('utf8').replace('offset:', '')) || 0 : 0;
  const slice = posts.slice(start, start + limit);
  const end = start + slice.length;
  const body: Record<string, unknown> = { data: slice.map((post) => contentRecord(post, fields)) };
  // Meta's last page comes without paging at all.
  if (end < posts.length) {
    const cursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
    const next = new URL(`${call.baseUrl}/${call.path}`);
    for (const [name, value] of Object.entries(call.query))
      if (name !== 'after' && name !== 'access_token') next.searchParams.set(name, value);
    next.searchParams.set('after', cursor(end));
    body.paging = { cursors: { before: cursor(start), after: cursor(end) }, next: next.toString() };
  }
  return body;
}

/** A list parameter as Graph takes it: a JSON array, or values parted by commas. */
function listParam(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // Not JSON: commas part the values.
  }
  return text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function matchesFilters(post: SimContentPost, query: Record<string, string>, refuseUpperCase: boolean): boolean {
  for (const [name, valueOf] of Object.entries(LIST_FILTERS)) {
    if (query[name] === undefined) continue;
    const wanted = listParam(query[name]);
    // One of Meta's sources says upper-case values are refused (the control turns that on).
    if (refuseUpperCase && name !== 'ad_partner_ig_user_ids' && wanted.some((value) => value !== value.toLowerCase())) {
      throw new MetaError(400, 100, `(#100) Param ${name}[0] must be one of the lower-case values`);
    }
    const have = [valueOf(post) ?? []].flat().map((value) => value.toUpperCase());
    if (!wanted.some((value) => have.includes(value.toUpperCase()))) return false;
  }
  if (query.start_date && post.creationDay < query.start_date) return false;
  if (query.end_date && post.creationDay > query.end_date) return false;
  return true;
}

function contentRecord(post: SimContentPost, fields: FieldSelection[]): Record<string, unknown> {
  const id = (digits: string) => (post.numericIds ? new RawJsonNumber(digits) : digits);
  const children = (field: FieldSelection, all: Record<string, unknown>) =>
    field.children.length === 0
      ? all
      : Object.fromEntries(field.children.filter((child) => child.name in all).map((child) => [child.name, all[child.name]]));
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    switch (field.name) {
      case 'content_id':
        record.content_id = id(post.contentId);
        break;
      case 'platform':
        record.platform = post.platform;
        break;
      case 'media_type':
        record.media_type = post.mediaType;
        break;
      case 'post_type':
        record.post_type = post.postType;
        break;
      case 'caption':
        record.caption = post.caption;
        break;
      case 'permalink':
        record.permalink = post.permalink;
        break;
      case 'creation_time':
        record.creation_time = post.creationDay;
        break;
      case 'author':
        record.author = children(field, {
          display_name: post.creatorUsername,
          ig_user_id: id(post.creatorId),
          fb_page_id: null,
          profile_picture_url: `https://example.invalid/avatars/${post.creatorUsername}.png`,
        });
        break;
      case 'is_recommended':
        record.is_recommended = post.isRecommended;
        break;
      case 'ad_usage':
        record.ad_usage = post.adUsage;
        break;
      case 'partnership_info':
        if (post.eligibility !== undefined) {
          const info = {
            ad_eligibility: post.eligibility,
            tagged_partner: post.brandIgId,
            permission_status: 'APPROVED',
            permission_type: 'ORGANIC',
            ad_code: post.adCode,
            content_types: post.contentTypes,
          };
          record.partnership_info = [children(field, info)];
        }
        break;
      case 'organic_insights':
        record.organic_insights = post.insights === null ? null : children(field, post.insights);
        break;
    }
  }
  return record;
}

function unknownObject(id: string): MetaError {
  return new MetaError(
    400,
    100,
    `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { error_subcode: 33 },
  );
}
