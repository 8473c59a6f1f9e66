import { readGraphId } from '../graph/graph-id';

/** A business (Meta Business Manager) the content edge hangs under. */
export interface Business {
  id: string;
  /** The name Meta gives, or the ID when it gives none. */
  name: string;
}

/**
 * Which business a brand's content is read under: the one the person chose for the brand
 * (kept), else the one that owns the brand's Page (its `business` field), else the only one
 * the person manages (/me/businesses). With several and no choice, the person chooses once.
 */
export type BusinessResolution =
  | { state: 'chosen'; business: Business; source: 'kept' | 'page' | 'only-one' }
  | { state: 'choose'; businesses: Business[] }
  | { state: 'none' };

export function readBusiness(value: unknown): Business | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // Some answers give the business as its bare ID.
    const id = readGraphId(value);
    return id ? { id, name: id } : undefined;
  }
  const raw = value as { id?: unknown; name?: unknown };
  const id = readGraphId(raw.id);
  if (!id) return undefined;
  const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim() : id;
  return { id, name };
}

/** The Page's `business` field (`/{page-id}?fields=business`), whatever else the answer holds. */
export function readPageBusiness(body: unknown): Business | undefined {
  return typeof body === 'object' && body !== null ? readBusiness((body as { business?: unknown }).business) : undefined;
}

/** /me/businesses items: each readable business once, in Meta's order. */
export function readBusinessList(items: readonly unknown[]): Business[] {
  const seen = new Set<string>();
  const businesses: Business[] = [];
  for (const item of items) {
    const business = typeof item === 'object' && item !== null ? readBusiness(item) : undefined;
    if (business && !seen.has(business.id)) {
      seen.add(business.id);
      businesses.push(business);
    }
  }
  return businesses;
}

/**
 * Decides from what is known. A kept choice stands while the person still manages that business
 * (or while the list could not be read); the Page's owner comes next; then a single business.
 */
export function resolveBusiness(known: { keptId?: string; pageBusiness?: Business; businesses?: readonly Business[] }): BusinessResolution {
  const { keptId, pageBusiness, businesses } = known;
  if (keptId) {
    const kept = businesses?.find((business) => business.id === keptId) ?? (pageBusiness?.id === keptId ? pageBusiness : undefined);
    if (kept) return { state: 'chosen', business: kept, source: 'kept' };
    if (!businesses) return { state: 'chosen', business: { id: keptId, name: keptId }, source: 'kept' };
  }
  if (pageBusiness) return { state: 'chosen', business: pageBusiness, source: 'page' };
  if (businesses?.length === 1) return { state: 'chosen', business: businesses[0]!, source: 'only-one' };
  if (businesses && businesses.length > 1) return { state: 'choose', businesses: [...businesses] };
  return { state: 'none' };
}
