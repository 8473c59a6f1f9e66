import { creatorLabel, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { canRevoke } from '@/utils/partnerships/status';
import type { SortColumn, TableQuery } from '@/utils/partnerships/table-view';
import { StatusWord } from './StatusWord';
import { VirtualTable } from './VirtualTable';

const COLUMNS: Array<[SortColumn, string]> = [
  ['creator', 'Creator'],
  ['status', 'Status'],
  ['requested', 'Requested'],
];

function formatDate(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

/** The brand's creator permissions, sortable by column, with Revoke on rows that allow it. */
export function PartnershipsTable(props: {
  rows: PartnershipPermission[];
  query: TableQuery;
  onSort: (column: SortColumn) => void;
  onRevoke: (permission: PartnershipPermission) => void;
  actionsDisabled: boolean;
}) {
  const { rows, query, onSort, onRevoke, actionsDisabled } = props;
  return (
    <VirtualTable
      caption="Partnership permissions"
      columnCount={4}
      rows={rows}
      head={
        <>
          {COLUMNS.map(([column, label]) => (
            <th scope="col" key={column} aria-sort={query.sort === column ? (query.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" class="sort" onClick={() => onSort(column)}>
                {label}
                {query.sort === column ? (query.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
          <th scope="col">Action</th>
        </>
      }
      renderRow={(permission, index) => (
        <tr key={permission.id ?? permission.creatorUsername ?? index} aria-rowindex={rows.length > 500 ? index + 2 : undefined}>
          <th scope="row">
            {permission.creatorUsername ? <bdi>{creatorLabel(permission)}</bdi> : <span class="muted">{creatorLabel(permission)}</span>}
          </th>
          <td>
            <StatusWord status={permission.status} />
          </td>
          <td>{formatDate(permission.requestedAt)}</td>
          <td>
            {canRevoke(permission.status) && (permission.creatorUsername || permission.creatorId) && (
              <button type="button" class="danger" disabled={actionsDisabled} onClick={() => onRevoke(permission)}>
                Revoke
              </button>
            )}
          </td>
        </tr>
      )}
    />
  );
}
