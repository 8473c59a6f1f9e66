import { browser } from '@/utils/browser';

/**
 * The Content view's place in the dashboard: `#content`, or
 * `#content?brand=<brand's Instagram ID>&creator=<creator's Instagram ID>` for one creator's
 * posts with one brand (Meta filters by Instagram user ID, never by username). Without a
 * brand, the brand chosen last is shown.
 */
export const CONTENT_VIEW_ID = 'content';

export function contentViewHash(creatorIgId?: string, brandIgId?: string): string {
  const query = new URLSearchParams();
  if (brandIgId) query.set('brand', brandIgId);
  if (creatorIgId) query.set('creator', creatorIgId);
  const text = query.toString();
  return text ? `#${CONTENT_VIEW_ID}?${text}` : `#${CONTENT_VIEW_ID}`;
}

/** The whole dashboard address of a creator's posts, for pages other than the dashboard (the popup opens it in a new tab). */
export function postsReadyUrl(creatorIgId: string, brandIgId?: string): string {
  return `${browser.runtime.getURL('/options.html')}${contentViewHash(creatorIgId, brandIgId)}`;
}

/** The creator and brand a route asks for (the part of the hash after `?`), each when it is an Instagram ID. */
export function contentRoute(query: string): { creatorIgId?: string; brandIgId?: string } {
  const params = new URLSearchParams(query);
  const id = (name: string) => {
    const value = params.get(name)?.trim();
    return value && /^\d{1,30}$/.test(value) ? value : undefined;
  };
  return { creatorIgId: id('creator'), brandIgId: id('brand') };
}
