import { describe, expect, it } from 'vitest';
import { contentRequestSchemas } from './content-requests';

const { listContent, lookupContent, chooseContentBusiness } = contentRequestSchemas;
const BRAND = '17841400000000001';

describe('content request schemas', () => {
  it('take a page request with every filter, and normalise lookup lines', () => {
    const page = {
      brandIgId: BRAND,
      filters: {
        creatorIgIds: ['17841460000099999'],
        eligibility: ['AD_READY', 'EXCLUDED'],
        adUsage: ['ACTIVE'],
        contentTypes: ['COLLAB_POST'],
        mediaTypes: ['VIDEO'],
        postTypes: ['REEL'],
        startDate: '2026-10-01',
        endDate: '2026-10-31',
        sort: 'DATE',
      },
      after: 'QVFI',
    };
    expect(listContent.parse(page)).toEqual(page);
    expect(lookupContent.parse({ brandIgId: BRAND, lines: ['  AC10x0001= '] }).lines).toEqual(['AC10x0001=']);
  });

  it.each([
    ['an unknown eligibility', { brandIgId: BRAND, filters: { eligibility: ['READY'] } }],
    ['a date that is no day', { brandIgId: BRAND, filters: { startDate: '2026-02-30' } }],
    ['a range that ends before it starts', { brandIgId: BRAND, filters: { startDate: '2026-10-02', endDate: '2026-10-01' } }],
    ['a creator ID that is not digits', { brandIgId: BRAND, filters: { creatorIgIds: ['maya'] } }],
    ['an empty cursor', { brandIgId: BRAND, filters: {}, after: '' }],
    ['another field', { brandIgId: BRAND, filters: {}, fields: 'id' }],
  ])('refuse %s', (_, request) => {
    expect(listContent.safeParse(request).success).toBe(false);
  });

  it('take at most 50 lookup lines, saying the limit', () => {
    const lines = Array.from({ length: 51 }, (_, index) => `AC10x${String(index).padStart(4, '0')}=`);
    expect(lookupContent.safeParse({ brandIgId: BRAND, lines: lines.slice(0, 50) }).success).toBe(true);
    const refused = lookupContent.safeParse({ brandIgId: BRAND, lines });
    expect(refused.error?.issues[0]).toMatchObject({
      message: 'contentLookupTooMany',
      params: { said: { key: 'contentLookupTooMany', values: { max: 50 } } },
    });
    expect(lookupContent.safeParse({ brandIgId: BRAND, lines: [] }).success).toBe(false);
  });

  it('take a business ID of digits only', () => {
    expect(chooseContentBusiness.safeParse({ brandIgId: BRAND, businessId: '900000000000001' }).success).toBe(true);
    expect(chooseContentBusiness.safeParse({ brandIgId: BRAND, businessId: 'act_1' }).success).toBe(false);
  });
});
