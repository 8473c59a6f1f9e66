import { describe, expect, it } from 'vitest';
import type { AuthState } from '../auth/auth-state';
import { withRecentLookup } from '../partnerships/recent-creators';
import type { StandingsAcrossBrands } from '../messaging/protocol';
import { buildAccessOverview } from '../permissions/access-overview';
import { glanceFrom, type GlanceFacts } from './glance';

const NOW = 1_800_000_000_000;
const USER = { id: '10', name: 'Dana' };
const signedIn: AuthState = { status: 'signed-in', user: USER, expiresAt: NOW + 3_600_000, declinedScopes: [] };
const ALL = ['pages_show_list', 'instagram_basic', 'instagram_branded_content_ads_brand', 'business_management'];
const overview = buildAccessOverview(
  [
    { id: 'p1', name: 'Northwind', tasks: ['ADVERTISE'], instagram_business_account: { id: '1001', username: 'northwind' } },
    { id: 'p2', name: 'Acme', tasks: ['MANAGE'], instagram_business_account: { id: '1002', username: 'acme' } },
  ],
  ALL.map((permission) => ({ permission, status: 'granted' })),
);
const access = { userId: USER.id, snapshot: { overview, fetchedAt: NOW - 1000, refreshing: false } };
const READY = { ready: true, problems: [] };

function answered(username: string, statuses: Record<string, string | null>): StandingsAcrossBrands {
  return {
    username,
    brands: Object.entries(statuses).map(([brandIgId, status]) => ({
      brandIgId,
      brandUsername: brandIgId === '1001' ? 'northwind' : 'acme',
      readiness: READY,
      standing: { brandIgId, permission: status === null ? undefined : { status }, fetchedAt: NOW - 500, refreshing: false },
    })),
  };
}

const recent = withRecentLookup([], answered('maya.trails', { '1001': 'APPROVED', '1002': null }));
const facts = (more: Partial<GlanceFacts> = {}): GlanceFacts => ({ username: 'maya.trails', auth: signedIn, access, recent, ...more });

describe("the popup's glance, from storage alone", () => {
  it("paints the brands and the open profile's status for the chosen brand", () => {
    const glance = glanceFrom(facts({ selectedBrandIgId: '1002' }), NOW)!;
    expect(glance.access.overview.brands.map((brand) => brand.username)).toEqual(['northwind', 'acme']);
    expect(glance.access.selectedBrandIgId).toBe('1002');
    expect(glance.lookup).toMatchObject({ username: 'maya.trails', brandIgId: '1002', permission: undefined });
    expect(glance.standing).toMatchObject({ brandUsername: 'acme', word: { key: 'statusNotRequested' } });
  });

  it('takes the first ready brand while none was picked', () => {
    expect(glanceFrom(facts(), NOW)!.lookup).toMatchObject({ brandIgId: '1001', permission: { status: 'APPROVED' } });
  });

  it('paints the brands without a status for a creator the recent list does not hold, or with no profile open', () => {
    const unknown = glanceFrom(facts({ username: 'leo_eats' }), NOW)!;
    expect(unknown.access.overview.brands).toHaveLength(2);
    expect(unknown.lookup).toBeUndefined();
    expect(glanceFrom(facts({ username: undefined }), NOW)?.lookup).toBeUndefined();
  });

  it.each([
    { case: 'signed out', more: { auth: { status: 'signed-out' } as AuthState } },
    { case: 'expired', more: { auth: { ...signedIn, expiresAt: NOW - 1 } } },
    { case: "another person's overview", more: { access: { ...access, userId: '11' } } },
    { case: 'no overview kept', more: { access: undefined } },
  ])('paints nothing when $case', ({ more }) => {
    expect(glanceFrom(facts(more), NOW)).toBeUndefined();
  });
});
