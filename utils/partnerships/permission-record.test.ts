import { describe, expect, it } from 'vitest';
import { parsePermissionRecord } from './permission-record';
import { canRevoke, canSend, statusWord } from './status';

describe('parsePermissionRecord', () => {
  it('reads the v25 reference field names', () => {
    expect(
      parsePermissionRecord({
        id: 'p1',
        creator_ig_id: '1784',
        creator_username: 'Maya.Trails',
        creator_fb_page_id: '100',
        brand_ig_id: '9',
        brand_username: 'northwind',
        permission_status: 'APPROVED',
        permission_created_time: '2026-01-05T10:20:30+0000',
        permission_url: 'https://www.instagram.com/x',
      }),
    ).toEqual({ id: 'p1', creatorUsername: 'maya.trails', creatorId: '1784', brandIgId: '9', status: 'APPROVED', requestedAt: '2026-01-05T10:20:30.000Z' });
  });

  it("reads the guide's field names (seed 004)", () => {
    expect(
      parsePermissionRecord({ creator_username: 'jaspersmarket', creator_id: '123', creator_fb_page: '123', brand_ig_user: { id: '1234' }, permission_status: 'PENDING', id: 'perm' }),
    ).toEqual({ id: 'perm', creatorUsername: 'jaspersmarket', creatorId: '123', brandIgId: '1234', status: 'PENDING', requestedAt: undefined });
  });

  it("reads the generated SDK's field names", () => {
    expect(parsePermissionRecord({ id: 'p3', permission_type: 'PARTNERSHIP_AD', status: 'revoked' })).toEqual({
      id: 'p3',
      creatorUsername: undefined,
      creatorId: undefined,
      brandIgId: undefined,
      status: 'revoked',
      requestedAt: undefined,
    });
  });

  it('accepts numeric IDs and keeps a row whose fields are all unusable', () => {
    expect(parsePermissionRecord({ id: 42, creator_id: 17, permission_status: 'APPROVED' })).toMatchObject({ id: '42', creatorId: '17' });
    expect(parsePermissionRecord({ creator_username: 5, permission_status: ['x'] })).toEqual({
      id: undefined,
      creatorUsername: undefined,
      creatorId: undefined,
      brandIgId: undefined,
      status: 'UNKNOWN',
      requestedAt: undefined,
    });
  });
});

describe('status words', () => {
  it.each([
    ['APPROVED', 'Approved', true, false],
    ['approved', 'Approved', true, false],
    ['Pending', 'Pending', true, false],
    ['REVOKED', 'Revoked', false, true],
    [undefined, 'Not requested', false, true],
    ['REJECTED', 'REJECTED', false, true],
    ['PENDING_APPROVAL', 'PENDING_APPROVAL', false, true],
    ['expired', 'expired', false, true],
  ])('%s reads %s (revoke %s, send %s)', (status, word, revocable, sendable) => {
    expect(statusWord(status)).toBe(word);
    expect(canRevoke(status)).toBe(revocable);
    expect(canSend(status)).toBe(sendable);
  });
});
