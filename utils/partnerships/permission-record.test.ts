import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creatorLabel, isSameCreator, parsePermissionItems, parsePermissionRecord, readTime } from './permission-record';
import { inEnglish } from '../i18n/in-english';

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
    ).toEqual({
      id: 'p1',
      creatorUsername: 'maya.trails',
      creatorId: '1784',
      brandIgId: '9',
      status: 'APPROVED',
      requestedAt: '2026-01-05T10:20:30.000Z',
      permissionUrl: 'https://www.instagram.com/x',
    });
  });

  it("reads the guide's field names (seed 004)", () => {
    expect(
      parsePermissionRecord({
        creator_username: 'jaspersmarket',
        creator_id: '123',
        creator_fb_page: '123',
        brand_ig_user: { id: '1234' },
        permission_status: 'PENDING',
        id: 'perm',
      }),
    ).toMatchObject({ id: 'perm', creatorUsername: 'jaspersmarket', creatorId: '123', brandIgId: '1234', status: 'PENDING' });
  });

  it("reads the generated SDK's field names", () => {
    expect(parsePermissionRecord({ id: 'p3', permission_type: 'PARTNERSHIP_AD', status: 'revoked' })).toEqual({
      id: 'p3',
      status: 'revoked',
    });
  });

  it("reads the business edge's integer fields and nested users", () => {
    expect(
      parsePermissionRecord({
        id: 77,
        creator_ig_user: { id: '17841400000000042', username: 'Leo_Eats' },
        brand_ig_user: { id: 17841400 },
        permission_status: 2,
        permission_created_time: 1767607230,
      }),
    ).toEqual({
      id: '77',
      creatorUsername: 'leo_eats',
      creatorId: '17841400000000042',
      brandIgId: '17841400',
      status: '2',
      requestedAt: '2026-01-05T10:00:30.000Z',
    });
  });

  it.each([
    ['ISO with Z', '2026-01-05T10:20:30Z', '2026-01-05T10:20:30.000Z'],
    ['ISO with +0000', '2026-01-05T10:20:30+0000', '2026-01-05T10:20:30.000Z'],
    ['ISO with +0200', '2026-01-05T12:20:30+0200', '2026-01-05T10:20:30.000Z'],
    ['Unix seconds', 1767608430, '2026-01-05T10:20:30.000Z'],
    ['Unix milliseconds', 1767608430000, '2026-01-05T10:20:30.000Z'],
    ['Unix seconds as digits', '1767608430', '2026-01-05T10:20:30.000Z'],
    ['Unix milliseconds as digits', '1767608430000', '2026-01-05T10:20:30.000Z'],
    ['nonsense', 'soon', undefined],
    ['an object', { at: 1 }, undefined],
    ['zero', 0, undefined],
    ['not finite', Number.POSITIVE_INFINITY, undefined],
  ])('reads a time given as %s', (_name, value, expected) => {
    expect(readTime(value)).toBe(expected);
  });

  it.each([
    ['a string', '17841400000000001', '17841400000000001'],
    ['a safe number', 42, '42'],
    ['digits kept by the lossless parser', '17841460000099999', '17841460000099999'],
    ['a negative number', -1, undefined],
    ['a fraction', 1.5, undefined],
    ['an array', ['1'], undefined],
    ['text with spaces inside', '12 34', undefined],
  ])('reads an ID given as %s', (_name, value, expected) => {
    expect(parsePermissionRecord({ creator_ig_id: value }).creatorId).toBe(expected);
  });

  it.each([
    ['upper case', 'APPROVED', 'APPROVED'],
    ['lower case', 'pending_approval', 'pending_approval'],
    ['a number', 1, '1'],
    ['padded', '  REJECTED ', 'REJECTED'],
    ['missing', undefined, ''],
    ['an array', ['x'], ''],
  ])('keeps a status given as %s as received', (_name, value, expected) => {
    expect(parsePermissionRecord({ permission_status: value }).status).toBe(expected);
  });

  it('keeps a record without a username by its Instagram ID, and names it by that ID', () => {
    const record = parsePermissionRecord({ id: 'p9', creator_ig_id: '17841400000000099', permission_status: 'APPROVED' });
    expect(record).toEqual({ id: 'p9', creatorId: '17841400000000099', status: 'APPROVED' });
    expect(inEnglish.say(creatorLabel(record))).toBe('Instagram ID 17841400000000099');
  });

  it('loses only the odd field: an unusable time or username leaves the rest', () => {
    expect(
      parsePermissionRecord({
        creator_username: 'maya.trails',
        creator_ig_id: 5,
        permission_status: 'APPROVED',
        permission_created_time: { odd: true },
      }),
    ).toEqual({
      creatorUsername: 'maya.trails',
      creatorId: '5',
      status: 'APPROVED',
    });
    expect(parsePermissionRecord({ creator_username: 5, creator_ig_id: '17', permission_status: ['x'] })).toEqual({
      creatorId: '17',
      status: '',
    });
  });

  it('keeps only https permission links', () => {
    expect(parsePermissionRecord({ permission_url: 'javascript:alert(1)' }).permissionUrl).toBeUndefined();
    expect(parsePermissionRecord({ permission_url: 'https://www.instagram.com/p/1/' }).permissionUrl).toBe(
      'https://www.instagram.com/p/1/',
    );
  });

  it('turns every object of a list into a record and passes over anything else', () => {
    expect(
      parsePermissionItems([{ permission_status: 'APPROVED' }, null, 'x', [1], { status: 'PENDING' }]).map((record) => record.status),
    ).toEqual(['APPROVED', 'PENDING']);
  });
});

describe('parsePermissionRecord, property', () => {
  const oddValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
  );
  const otherFields = [
    'id',
    'brand_ig_id',
    'brand_ig_user',
    'brand_username',
    'creator_fb_page_id',
    'creator_fb_page',
    'permission_created_time',
    'created_time',
    'permission_url',
    'permission_type',
    'extra_field',
  ];

  it('never loses the username, the ID or the status when other fields change type or go missing', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9._]{1,30}$/),
        fc.stringMatching(/^[1-9]\d{16}$/),
        fc.constantFrom('APPROVED', 'PENDING', 'PENDING_APPROVAL', 'revoked', 'Rejected', 'SELF_REMOVED', 'IN_REVIEW', '3'),
        fc.dictionary(fc.constantFrom(...otherFields), oddValue),
        (username, creatorId, status, others) => {
          const record = parsePermissionRecord({
            ...others,
            creator_username: username,
            creator_ig_id: creatorId,
            permission_status: status,
          });
          expect(record.creatorUsername).toBe(username);
          expect(record.creatorId).toBe(creatorId);
          expect(record.status).toBe(status);
        },
      ),
      { seed: 20261122, numRuns: 500 },
    );
  });
});

describe('isSameCreator', () => {
  it.each([
    [{ creatorUsername: 'maya' }, { creatorUsername: 'maya' }, true],
    [{ creatorId: '17' }, { creatorUsername: 'maya', creatorId: '17' }, true],
    [{ creatorUsername: 'maya', creatorId: '17' }, { creatorId: '17' }, true],
    [{ creatorUsername: 'maya' }, { creatorUsername: 'leo' }, false],
    [{}, {}, false],
    [{ creatorId: '17' }, { creatorUsername: 'maya' }, false],
  ])('%j and %j: %s', (record, creator, same) => {
    expect(isSameCreator(record, creator)).toBe(same);
  });
});
