import { describe, expect, it } from 'vitest';
import { parseGraphJson } from '../graph/graph-json';
import { readBusinessList, readPageBusiness, resolveBusiness } from './business-choice';

const north = { id: '1000000000000001', name: 'Northwind Group' };
const other = { id: '1000000000000002', name: 'Other Co' };

describe('reading businesses', () => {
  it("reads the Page's business field, with a bare 17-digit ID number, a bare ID, or nothing", () => {
    expect(readPageBusiness(parseGraphJson('{"business":{"id":10000000000000017,"name":"Big"},"id":"5"}'))).toEqual({
      id: '10000000000000017',
      name: 'Big',
    });
    expect(readPageBusiness({ business: '123' })).toEqual({ id: '123', name: '123' });
    expect(readPageBusiness({ business: { id: '7', name: null } })).toEqual({ id: '7', name: '7' });
    expect(readPageBusiness({ id: '5' })).toBeUndefined();
    expect(readPageBusiness({ business: null })).toBeUndefined();
    expect(readPageBusiness({ business: { name: 'no id' } })).toBeUndefined();
  });

  it('reads /me/businesses items once each, skipping unreadable ones', () => {
    expect(readBusinessList([north, null, { name: 'x' }, north, other, 'y'])).toEqual([north, other]);
  });
});

describe('resolveBusiness', () => {
  it("uses the person's kept choice first", () => {
    expect(resolveBusiness({ keptId: other.id, pageBusiness: north, businesses: [north, other] })).toEqual({
      state: 'chosen',
      business: other,
      source: 'kept',
    });
    expect(resolveBusiness({ keptId: '9' })).toEqual({ state: 'chosen', business: { id: '9', name: '9' }, source: 'kept' });
  });

  it('forgets a kept choice the person no longer manages', () => {
    expect(resolveBusiness({ keptId: '9', businesses: [north, other] })).toEqual({ state: 'choose', businesses: [north, other] });
  });

  it("then the Page's owner, then the only business, else asks the person to choose, or says there is none", () => {
    expect(resolveBusiness({ pageBusiness: north, businesses: [north, other] })).toMatchObject({ business: north, source: 'page' });
    expect(resolveBusiness({ businesses: [other] })).toMatchObject({ business: other, source: 'only-one' });
    expect(resolveBusiness({ businesses: [north, other] })).toEqual({ state: 'choose', businesses: [north, other] });
    expect(resolveBusiness({ businesses: [] })).toEqual({ state: 'none' });
    expect(resolveBusiness({})).toEqual({ state: 'none' });
  });
});
