import type { AuthState } from '../auth/auth-state';
import type { CreatorLookup } from '../partnerships/creator-lookups';
import { recentStatus, type RecentCreator, type RecentStanding } from '../partnerships/recent-creators';
import { chosenBrand } from '../permissions/access-overview';
import type { AccessSnapshot } from '../permissions/access-service';

/** The access overview as the background last answered it, kept in storage.local for the popup's first paint (never the token). */
export interface StoredAccess {
  userId: string;
  snapshot: AccessSnapshot;
}

/** What the popup can show before the background answers: the connection, the brands and one creator's status. */
export interface Glance {
  auth: Extract<AuthState, { status: 'signed-in' }>;
  access: AccessSnapshot & { selectedBrandIgId: string };
  /** The status of the creator of the open profile for the brand shown, when the recent creators hold it. */
  lookup?: CreatorLookup & { brandIgId: string };
  /** The same status with its word and colour, for the glance painted before the app (entrypoints/popup/glance-paint.ts). */
  standing?: RecentStanding;
}

/** What the popup read from storage at once (entrypoints/popup/first-paint.ts). */
export interface GlanceFacts {
  username?: string;
  auth?: AuthState | null;
  selectedBrandIgId?: string;
  access?: StoredAccess;
  recent: readonly RecentCreator[];
}

/**
 * The popup's first paint from storage alone, no IndexedDB and no service worker: the session
 * summary, the access overview and the recent creators' statuses, each written by the
 * background when it answers. Undefined when signed out, or when the overview kept is not this
 * person's; the background's answers replace the glance as they come.
 */
export function glanceFrom({ username, auth, selectedBrandIgId = '', access, recent }: GlanceFacts, now: number): Glance | undefined {
  if (auth?.status !== 'signed-in' || auth.expiresAt <= now || access?.userId !== auth.user.id) return undefined;
  const glance: Glance = { auth, access: { ...access.snapshot, refreshing: false, selectedBrandIgId } };
  const brand = chosenBrand(access.snapshot.overview.brands, selectedBrandIgId);
  const standing = brand && username ? recentStatus(recent, username, brand.igId) : undefined;
  if (!brand || !username || !standing) return glance;
  const permission = standing.status === null ? undefined : { status: standing.status };
  return {
    ...glance,
    lookup: { username, brandIgId: brand.igId, permission, fetchedAt: standing.fetchedAt, refreshing: false },
    standing,
  };
}
