import type { PartnershipPermission } from '../partnerships/permission-record';
import { statusGroup } from '../partnerships/status';
import type { CreatorAnswer } from '../partnerships/meta-permissions';

/** One creator the watch saw pending, and when it last asked Meta about them. */
export interface WatchedCreator {
  username: string;
  creatorId?: string;
  status: string;
  checkedAt: number;
}

/** What the watch saw last of one brand: its creators that were pending then. */
export interface BrandWatch {
  brandIgId: string;
  userId: string;
  creators: WatchedCreator[];
  checkedAt: number;
}

/** A creator who was pending and is no longer: approved, rejected, canceled, removed by creator, expired... */
export interface WatchNews {
  userId: string;
  brandIgId: string;
  brandUsername: string;
  creatorUsername: string;
  creatorId?: string;
  from: string;
  to: string;
  foundAt: number;
}

export interface WatchCycleDeps {
  userId: string;
  /** The brands the person can manage partnership ads for. */
  brands: ReadonlyArray<{ igId: string; username: string }>;
  /** What each brand's watch saw last (absent for a brand never watched). */
  lastSeen: ReadonlyMap<string, BrandWatch>;
  /** Pending records the cache knows of a brand (its list, its creators' lookups). */
  pendingInCache(brandIgId: string): Promise<PartnershipPermission[]>;
  /** Asks Meta about many creators, 50 to a batch request; one answer per request, in order. */
  lookupMany(requests: ReadonlyArray<{ brandIgId: string; username: string }>): Promise<CreatorAnswer[]>;
  /** Most creators looked up in one cycle (the call budget times 50). */
  maxLookups: number;
  now(): number;
}

export interface WatchCycleResult {
  watches: BrandWatch[];
  news: WatchNews[];
  /** Creators asked about, and creators left for the next cycle (over the budget). */
  checked: number;
  leftOver: number;
  /** Records Meta gave, by brand, so the cache can show them. */
  fetched: Map<string, PartnershipPermission[]>;
}

/**
 * One watch cycle: every creator known to be pending (seen by the last cycle or in the cache)
 * is asked about again, least recently checked first, within the call budget; those who
 * are pending no longer are the news. Reads only: nothing is sent or revoked.
 */
export async function runWatchCycle(deps: WatchCycleDeps): Promise<WatchCycleResult> {
  const watches: BrandWatch[] = [];
  for (const brand of deps.brands) {
    const seen = deps.lastSeen.get(brand.igId);
    const creators = new Map((seen?.userId === deps.userId ? seen.creators : []).map((creator) => [creator.username, creator]));
    for (const record of await deps.pendingInCache(brand.igId)) {
      if (!record.creatorUsername || creators.has(record.creatorUsername)) continue;
      creators.set(record.creatorUsername, {
        username: record.creatorUsername,
        creatorId: record.creatorId,
        status: record.status,
        checkedAt: 0,
      });
    }
    watches.push({ brandIgId: brand.igId, userId: deps.userId, creators: [...creators.values()], checkedAt: seen?.checkedAt ?? 0 });
  }

  const queue = watches
    .flatMap((watch) => watch.creators.map((creator) => ({ watch, creator })))
    .sort((a, b) => a.creator.checkedAt - b.creator.checkedAt);
  const due = queue.slice(0, deps.maxLookups);
  const answers = due.length
    ? await deps.lookupMany(due.map(({ watch, creator }) => ({ brandIgId: watch.brandIgId, username: creator.username })))
    : [];

  const now = deps.now();
  const news: WatchNews[] = [];
  const fetched = new Map<string, PartnershipPermission[]>();
  const gone = new Set<WatchedCreator>();
  due.forEach(({ watch, creator }, index) => {
    const answer = answers[index];
    // Asked, answered or not: a creator Meta did not answer for goes to the back of the queue, never blocking the others.
    creator.checkedAt = now;
    if (!answer || 'error' in answer) return;
    const record = answer.record;
    // Meta does not list the request (now): nothing to report with certainty; asked again in its turn.
    if (!record) return;
    fetched.set(watch.brandIgId, [...(fetched.get(watch.brandIgId) ?? []), record]);
    if (statusGroup(record.status) === 'pending') {
      creator.status = record.status;
      return;
    }
    gone.add(creator);
    news.push({
      userId: deps.userId,
      brandIgId: watch.brandIgId,
      brandUsername: deps.brands.find((brand) => brand.igId === watch.brandIgId)?.username ?? watch.brandIgId,
      creatorUsername: creator.username,
      creatorId: record.creatorId ?? creator.creatorId,
      from: creator.status,
      to: record.status,
      foundAt: now,
    });
  });

  for (const watch of watches) {
    watch.creators = watch.creators.filter((creator) => !gone.has(creator));
    if (due.some((entry) => entry.watch === watch)) watch.checkedAt = now;
  }
  return { watches, news, checked: due.length, leftOver: queue.length - due.length, fetched };
}
