import { browser } from '@/utils/browser';

/**
 * The Content view's place in the dashboard: `#content`, or `#content?creator=<Instagram ID>`
 * for one creator's posts (Meta filters by Instagram user ID, never by username).
 */
export const CONTENT_VIEW_ID = 'content';

export function contentViewHash(creatorIgId?: string): string {
  return creatorIgId ? `#${CONTENT_VIEW_ID}?creator=${encodeURIComponent(creatorIgId)}` : `#${CONTENT_VIEW_ID}`;
}

/** The whole dashboard address of a creator's posts, for pages other than the dashboard (the popup opens it in a new tab). */
export function postsReadyUrl(creatorIgId: string): string {
  return `${browser.runtime.getURL('/options.html')}${contentViewHash(creatorIgId)}`;
}

/** The creator a route asks for (the part of the hash after `?`), when it is an Instagram ID. */
export function creatorOfRoute(query: string): string | undefined {
  const creator = new URLSearchParams(query).get('creator')?.trim();
  return creator && /^\d{1,30}$/.test(creator) ? creator : undefined;
}
