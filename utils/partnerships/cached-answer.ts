import type { CacheEntry } from '../cache/cache-entry';
import { listedRecordOf, type PartnershipPermission } from './permission-record';

export interface CachedAnswer {
  entry: CacheEntry;
  /** Undefined when the cache knows the creator was never asked. */
  value: PartnershipPermission | undefined;
}

/**
 * What the cache says of one creator: the creator's own lookup or the brand's list, whichever
 * was fetched last; undefined when neither copy exists. A list that cannot vouch for a creator
 * it does not name (Meta gave some records without a username) does not answer for them. The
 * background's lookup and the popup's first paint both answer with it.
 */
export function newestCachedAnswer(
  username: string,
  creator: CacheEntry<PartnershipPermission | null> | undefined,
  list: CacheEntry<PartnershipPermission[]> | undefined,
): CachedAnswer | undefined {
  const fromCreator = creator && { entry: creator, value: creator.value ?? undefined };
  const listed = list && listedRecordOf(list.value, username);
  const fromList = list && listed?.vouched ? { entry: list, value: listed.record } : undefined;
  if (fromCreator && fromList) return fromCreator.entry.fetchedAt >= fromList.entry.fetchedAt ? fromCreator : fromList;
  return fromCreator ?? fromList;
}
