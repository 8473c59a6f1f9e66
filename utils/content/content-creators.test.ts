import { describe, expect, it } from 'vitest';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { creatorFilterOf, withPermissions } from './content-creators';
import { parseContentRow } from './content-row';

const permissions: PartnershipPermission[] = [
  { creatorUsername: 'maya.trails', creatorId: '17841460000000001', status: 'REVOKED', requestedAt: '2026-01-01T00:00:00.000Z' },
  { creatorUsername: 'maya.trails', creatorId: '17841460000000001', status: 'APPROVED', requestedAt: '2025-01-01T00:00:00.000Z' },
  { creatorId: '17841460000099999', status: 'PENDING' },
  { creatorUsername: 'leo_eats', status: 'APPROVED' },
];

describe('withPermissions', () => {
  it("joins rows to the creator's standing by Instagram ID, else by username, and fills a missing username", () => {
    const rows = [
      parseContentRow({ content_id: '1', author: { ig_user_id: '17841460000000001' } }),
      parseContentRow({ content_id: '2', author: { ig_user_id: '17841460000099999', display_name: 'Not A Username' } }),
      parseContentRow({ content_id: '3', author: { display_name: 'leo_eats' } }),
      parseContentRow({ content_id: '4', author: { display_name: 'stranger' } }),
    ];
    const joined = withPermissions(rows, permissions);
    // The standing request (Approved) decides over a newer one that ended.
    expect(joined.map(({ row, permission }) => [row.contentId, row.creator.username, permission?.status])).toEqual([
      ['1', 'maya.trails', 'APPROVED'],
      ['2', undefined, 'PENDING'],
      ['3', 'leo_eats', 'APPROVED'],
      ['4', 'stranger', undefined],
    ]);
  });

  it('filters by Instagram ID only', () => {
    expect(creatorFilterOf({ creatorId: '17841460000000001' })).toEqual({ creatorIgIds: ['17841460000000001'] });
    expect(creatorFilterOf({})).toBeUndefined();
  });
});
