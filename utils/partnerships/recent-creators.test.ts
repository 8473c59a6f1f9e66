import { describe, expect, it } from 'vitest';
import type { StandingsAcrossBrands } from '../messaging/protocol';
import {
  RECENT_CREATORS_MAX,
  recentCreatorsFrom,
  recentStatus,
  withoutBrandStatuses,
  withRecentLookup,
  type RecentCreator,
  type RecentStanding,
} from './recent-creators';
import { statusGroup, statusWord } from './status';

const READY = { ready: true, problems: [] };
const NOT_READY = { ready: false, problems: [] };

function answer(username: string, brands: Array<Partial<StandingsAcrossBrands['brands'][number]> & { status?: string | null }>) {
  return {
    username,
    brands: brands.map(({ status, ...brand }, index) => ({
      brandIgId: `b${index}`,
      brandUsername: `brand${index}`,
      readiness: READY,
      standing:
        status === undefined
          ? undefined
          : {
              brandIgId: `b${index}`,
              permission: status === null ? null : { status, creatorUsername: username },
              fetchedAt: 1,
              refreshing: false,
            },
      ...brand,
    })),
  } as StandingsAcrossBrands;
}

const standing = (brandIgId: string, status: string | null): RecentStanding => ({
  brandIgId,
  brandUsername: `brand${brandIgId.slice(1)}`,
  status,
  word: statusWord(status ?? undefined),
  group: statusGroup(status ?? undefined),
  fetchedAt: 1,
});

const entry = (username: string, status: string | null = 'APPROVED'): RecentCreator => ({ username, standings: [standing('b0', status)] });

describe('the recent creators list', () => {
  it('keeps each brand read without error, a missing record as null; not a brand not ready, failed or held by a job', () => {
    const next = withRecentLookup(
      [],
      answer('Maya.Trails', [
        { status: 'APPROVED' },
        { status: null },
        { readiness: NOT_READY },
        { status: 'PENDING', heldBy: 'revoke' },
        { status: undefined },
      ]),
    );
    expect(next).toEqual([
      {
        username: 'maya.trails',
        chosenBrandIgId: 'b0',
        standings: [
          {
            brandIgId: 'b0',
            brandUsername: 'brand0',
            status: 'APPROVED',
            word: { key: 'statusApproved' },
            group: 'approved',
            fetchedAt: 1,
          },
          {
            brandIgId: 'b1',
            brandUsername: 'brand1',
            status: null,
            word: { key: 'statusNotRequested' },
            group: 'not-requested',
            fetchedAt: 1,
          },
        ],
      },
    ]);
    const failed = answer('leo_eats', [{ status: 'APPROVED' }]);
    failed.brands[0]!.standing!.error = { kind: 'graph', said: 'boom' } as never;
    expect(withRecentLookup([], failed)[0]!.standings).toEqual([]);
  });

  it('puts the creator first, once, and keeps the last ten', () => {
    const recent = Array.from({ length: RECENT_CREATORS_MAX }, (_, index) => entry(`creator${index}`));
    expect(withRecentLookup(recent, answer('creator5', [{ status: 'PENDING' }])).map((each) => each.username)).toEqual([
      'creator5',
      ...recent.map((each) => each.username).filter((name) => name !== 'creator5'),
    ]);
    const next = withRecentLookup(recent, answer('newest', []));
    expect(next).toHaveLength(RECENT_CREATORS_MAX);
    expect(next[0]!.username).toBe('newest');
    expect(next.map((each) => each.username)).not.toContain(`creator${RECENT_CREATORS_MAX - 1}`);
  });

  it("drops a brand's statuses when its records change, keeping the creators", () => {
    const recent = [{ username: 'maya.trails', standings: [standing('b0', 'APPROVED'), standing('b1', null)] }];
    expect(withoutBrandStatuses(recent, 'b0')).toEqual([{ username: 'maya.trails', standings: [standing('b1', null)] }]);
  });

  it.each([
    { stored: undefined, expected: [] },
    { stored: 'maya.trails', expected: [] },
    {
      stored: [entry('maya.trails'), 7, null, { username: '', standings: [] }, { username: 'x' }, entry('leo_eats')],
      expected: [entry('maya.trails'), entry('leo_eats')],
    },
  ])('reads $stored as stored', ({ stored, expected }) => {
    expect(recentCreatorsFrom(stored)).toEqual(expected);
  });

  it('answers a status only where the list holds one', () => {
    const recent = [entry('maya.trails'), entry('leo_eats', null)];
    expect(recentStatus(recent, 'Maya.Trails', 'b0')).toEqual(standing('b0', 'APPROVED'));
    // A word Meta sent that Collab Desk does not know is shown as it came.
    expect(recentStatus([entry('ivy_studio', 'IN_REVIEW')], 'ivy_studio', 'b0')).toMatchObject({ word: 'IN_REVIEW', group: 'unknown' });
    expect(recentStatus(recent, 'leo_eats', 'b0')?.status).toBeNull();
    expect(recentStatus(recent, 'maya.trails', 'b1')).toBeUndefined();
    expect(recentStatus(recent, 'ivy_studio', 'b0')).toBeUndefined();
    // No brand picked yet: the one chosen when the background answered.
    expect(recentStatus([{ ...entry('maya.trails'), chosenBrandIgId: 'b0' }], 'maya.trails', '')?.status).toBe('APPROVED');
    expect(recentStatus([entry('maya.trails')], 'maya.trails', undefined)).toBeUndefined();
  });
});
