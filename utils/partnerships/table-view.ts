import type { PartnershipPermission } from './permission-record';
import { STATUS_ORDER, statusKey, type StatusKey } from './status';

export type SortColumn = 'creator' | 'status' | 'requested';
export interface TableQuery {
  search: string;
  /** A status key ("APPROVED", "NOT_REQUESTED", or an unknown status as Meta sent it), or "" for all. */
  status: string;
  sort: SortColumn;
  descending: boolean;
}

/** How many permissions have each status, the contract's statuses first (say each with statusKeyWord). */
export function countByStatus(permissions: readonly PartnershipPermission[]): Array<[StatusKey, number]> {
  const counts = new Map<StatusKey, number>();
  for (const permission of permissions) {
    const key = statusKey(permission.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(key: StatusKey): number {
  const index = STATUS_ORDER.indexOf(key);
  return index < 0 ? STATUS_ORDER.length : index;
}

/** The rows to show: filtered by status word and username, sorted by the chosen column. */
export function tableRows(permissions: readonly PartnershipPermission[], query: TableQuery): PartnershipPermission[] {
  const needle = query.search.trim().replace(/^@/, '').toLowerCase();
  const rows = permissions.filter(
    (permission) =>
      (!query.status || statusKey(permission.status) === query.status) &&
      (!needle || (permission.creatorUsername ?? '').includes(needle) || (permission.creatorId ?? '').includes(needle)),
  );
  const key = (permission: PartnershipPermission): string => {
    if (query.sort === 'status') return String(rank(statusKey(permission.status))).padStart(3, '0') + statusKey(permission.status);
    if (query.sort === 'requested') return permission.requestedAt ?? '';
    return permission.creatorUsername ?? permission.creatorId ?? '';
  };
  rows.sort((a, b) => key(a).localeCompare(key(b)) || (a.creatorUsername ?? '').localeCompare(b.creatorUsername ?? ''));
  if (query.descending) rows.reverse();
  return rows;
}
