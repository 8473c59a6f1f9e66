import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../cache/cache-entry';
import { newestCachedAnswer } from './cached-answer';
import type { PartnershipPermission } from './permission-record';

const entry = <T>(value: T, fetchedAt: number): CacheEntry<T> => ({ key: 'k', value, fetchedAt, ttlMs: 60_000 });

describe('newestCachedAnswer', () => {
  const named: PartnershipPermission = { creatorUsername: 'maya.trails', status: 'APPROVED' };
  const nameless: PartnershipPermission = { creatorId: '17841400000000042', status: 'APPROVED' };

  it('answers from the newer copy: the creator lookup or the brand list', () => {
    const lookup = entry<PartnershipPermission | null>(null, 1_000);
    expect(newestCachedAnswer('maya.trails', lookup, entry([named], 2_000))?.value).toEqual(named);
    expect(newestCachedAnswer('maya.trails', lookup, entry([named], 500))?.value).toBeUndefined();
    expect(newestCachedAnswer('leo.eats', undefined, entry([named], 2_000))).toMatchObject({ value: undefined });
  });

  it('does not take a list with nameless records as saying a creator it does not name was never asked', () => {
    const list = entry([named, nameless], 2_000);
    // The nameless record may be leo.eats's: the list cannot answer, the older lookup does (or nothing, so Meta is asked).
    expect(newestCachedAnswer('leo.eats', undefined, list)).toBeUndefined();
    const lookup = entry<PartnershipPermission | null>({ ...nameless, creatorUsername: 'leo.eats' }, 1_000);
    expect(newestCachedAnswer('leo.eats', lookup, list)?.value).toMatchObject({ status: 'APPROVED' });
    // A creator the list names is still answered by it.
    expect(newestCachedAnswer('maya.trails', undefined, list)?.value).toEqual(named);
  });

  it('decides a creator listed twice by the request that still stands', () => {
    const ended = { creatorUsername: 'maya.trails', status: 'REVOKED', requestedAt: '2025-01-01T00:00:00.000Z' };
    const standing = { creatorUsername: 'maya.trails', status: 'pending_approval', requestedAt: '2024-01-01T00:00:00.000Z' };
    expect(newestCachedAnswer('maya.trails', undefined, entry([ended, standing], 1))?.value).toEqual(standing);
    expect(newestCachedAnswer('maya.trails', undefined, entry([standing, ended], 1))?.value).toEqual(standing);
  });
});
