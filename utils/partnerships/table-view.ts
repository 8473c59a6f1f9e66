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

/** One collator for every sort: much faster than localeCompare on each comparison. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The permissions in the order of the chosen column, with sort keys worked out once per
 * record. Done when the list or the sort changes, not on every keystroke of the search.
 */
export function sortRows(permissions: readonly PartnershipPermission[], sort: SortColumn, descending: boolean): PartnershipPermission[] {
  const key = (permission: PartnershipPermission): string => {
    if (sort === 'status') return String(rank(statusKey(permission.status))).padStart(3, '0') + statusKey(permission.status);
    if (sort === 'requested') return permission.requestedAt ?? '';
    return permission.creatorUsername ?? permission.creatorId ?? '';
  };
  const keyed = permissions.map((permission) => ({ permission, key: key(permission), name: permission.creatorUsername ?? '' }));
  keyed.sort((a, b) => collator.compare(a.key, b.key) || collator.compare(a.name, b.name));
  if (descending) keyed.reverse();
  return keyed.map(({ permission }) => permission);
}

/** The sorted rows that match the status and the search (username or Instagram ID, @ and case ignored); order kept. */
export function filterRows(
  sorted: readonly PartnershipPermission[],
  query: Pick<TableQuery, 'search' | 'status'>,
): PartnershipPermission[] {
  const needle = needleOf(query.search);
  if (!needle && !query.status) return [...sorted];
  return sorted.filter(
    (permission) =>
      (!query.status || statusKey(permission.status) === query.status) &&
      (!needle || (permission.creatorUsername ?? '').includes(needle) || (permission.creatorId ?? '').includes(needle)),
  );
}

function needleOf(search: string): string {
  return search.trim().replace(/^@/, '').toLowerCase();
}

/**
 * filterRows with a memory of the last searches of one sorted list and status: typing on
 * looks only among the matches of a search the new one contains (every match of "leo_"
 * matches "leo"), typing back is answered from memory, and a search that leaves out none of
 * the rows it looked among answers that very array. The rows answered are shared, hence
 * read-only.
 */
export function createRowFilter(remember = 12) {
  let list: readonly PartnershipPermission[] | undefined;
  let status: string | undefined;
  const found = new Map<string, readonly PartnershipPermission[]>();
  return (sorted: readonly PartnershipPermission[], query: Pick<TableQuery, 'search' | 'status'>): readonly PartnershipPermission[] => {
    if (sorted !== list || query.status !== status) {
      list = sorted;
      status = query.status;
      found.clear();
    }
    const needle = needleOf(query.search);
    let rows = found.get(needle);
    if (!rows) {
      let narrowest: readonly PartnershipPermission[] | undefined;
      for (const [earlier, matches] of found) {
        if (needle.includes(earlier) && (!narrowest || matches.length < narrowest.length)) narrowest = matches;
      }
      const among = narrowest ?? sorted;
      const matching = filterRows(among, query);
      // As many as it looked among: the same rows, answered as the same array, so the table has nothing to redraw.
      rows = matching.length === among.length ? among : matching;
    }
    // The newest last, so the oldest is the first to go.
    found.delete(needle);
    found.set(needle, rows);
    if (found.size > remember) found.delete(found.keys().next().value!);
    return rows;
  };
}

/** The rows to show: filtered by status and username, sorted by the chosen column. */
export function tableRows(permissions: readonly PartnershipPermission[], query: TableQuery): PartnershipPermission[] {
  return filterRows(sortRows(permissions, query.sort, query.descending), query);
}
