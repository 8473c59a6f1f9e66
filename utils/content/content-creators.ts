import { creatorIndex, decidingRecord, type PartnershipPermission } from '../partnerships/permission-record';
import type { ContentRow } from './content-row';

/**
 * Joins content rows to the brand's partnership permissions (the cached list): each row's
 * creator by Instagram ID first (an ID never changes hands), else by username. The row gains
 * the creator's username where Meta's content answer had none, and the permission that decides
 * the creator's standing (undefined: never asked). Pages call it with the list they already hold.
 */
export function withPermissions(
  rows: readonly ContentRow[],
  permissions: readonly PartnershipPermission[],
): Array<{ row: ContentRow; permission?: PartnershipPermission }> {
  const standing = creatorIndex(permissions, decidingRecord);
  return rows.map((row) => {
    const permission = standing.find({ creatorId: row.creator.igUserId }) ?? standing.find({ creatorUsername: row.creator.username });
    const username = row.creator.username ?? permission?.creatorUsername;
    return { row: username === row.creator.username ? row : { ...row, creator: { ...row.creator, username } }, permission };
  });
}

/**
 * The creator filter for "Posts ready for ads" from a permission: Meta filters by Instagram
 * user ID only (it ignores usernames), so a record without one cannot filter; undefined then.
 */
export function creatorFilterOf(permission: Pick<PartnershipPermission, 'creatorId'>): { creatorIgIds: string[] } | undefined {
  return permission.creatorId ? { creatorIgIds: [permission.creatorId] } : undefined;
}
