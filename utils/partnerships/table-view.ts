import type { PartnershipPermission } from './permission-record';
import { STATUS_WORDS, statusWord } from './status';

export type SortColumn = 'creator' | 'status' | 'requested';
export interface TableQuery {
  search: string;
  /** A status word ("Approved", "REJECTED"...) or "" for all. */
  status: string;
  sort: SortColumn;
  descending: boolean;
}

/** How many permissions have each status word, in the order of the contract's words first. */
export function countByStatus(permissions: readonly PartnershipPermission[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const permission of permissions) {
    const word = statusWord(permission.status);
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const order = Object.values(STATUS_WORDS);
  return [...counts].sort(([a], [b]) => rank(a, order) - rank(b, order) || a.localeCompare(b));
}

function rank(word: string, order: string[]): number {
  const index = order.indexOf(word);
  return index < 0 ? order.length : index;
}

/** The rows to show: filtered by status word and username, sorted by the chosen column. */
export function tableRows(permissions: readonly PartnershipPermission[], query: TableQuery): PartnershipPermission[] {
  const needle = query.search.trim().replace(/^@/, '').toLowerCase();
  const rows = permissions.filter(
    (permission) =>
      (!query.status || statusWord(permission.status) === query.status) &&
      (!needle || (permission.creatorUsername ?? '').includes(needle) || (permission.creatorId ?? '').includes(needle)),
  );
  const key = (permission: PartnershipPermission): string => {
    if (query.sort === 'status') return statusWord(permission.status).toLowerCase();
    if (query.sort === 'requested') return permission.requestedAt ?? '';
    return permission.creatorUsername ?? permission.creatorId ?? '';
  };
  rows.sort((a, b) => key(a).localeCompare(key(b)) || (a.creatorUsername ?? '').localeCompare(b.creatorUsername ?? ''));
  if (query.descending) rows.reverse();
  return rows;
}
