import { creatorLabel, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { canRevoke } from '@/utils/partnerships/status';
import type { SortColumn, TableQuery } from '@/utils/partnerships/table-view';
import { i18n, say, t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/said';
import { StatusWord } from './StatusWord';
import { VirtualTable } from './VirtualTable';

const COLUMNS: Array<[SortColumn, MessageKey]> = [
  ['creator', 'commonColumnCreator'],
  ['status', 'partnershipsColumnStatus'],
  ['requested', 'partnershipsColumnRequested'],
];

function formatDate(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleDateString(i18n.locale, { year: 'numeric', month: 'short', day: 'numeric' }) : '';
}

/** The brand's creator permissions, sortable by column, with Revoke on rows that allow it. */
export function PartnershipsTable(props: {
  rows: PartnershipPermission[];
  query: TableQuery;
  onSort: (column: SortColumn) => void;
  onRevoke: (permission: PartnershipPermission) => void;
  actionsDisabled: boolean;
  /** All brands: each row's brand account username, in a Brand column. */
  brandOf?: (permission: PartnershipPermission) => string;
}) {
  const { rows, query, onSort, onRevoke, actionsDisabled, brandOf } = props;
  return (
    <VirtualTable
      caption={t('partnershipsTableCaption')}
      columnCount={brandOf ? 5 : 4}
      rows={rows}
      head={
        <>
          {brandOf && <th scope="col">{t('watchColumnBrand')}</th>}
          {COLUMNS.map(([column, label]) => (
            <th scope="col" key={column} aria-sort={query.sort === column ? (query.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" class="sort" onClick={() => onSort(column)}>
                {t(label)}
                {query.sort === column ? (query.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
          <th scope="col">{t('partnershipsColumnAction')}</th>
        </>
      }
      renderRow={(permission, index) => (
        <tr
          key={`${permission.brandIgId}/${permission.id ?? permission.creatorUsername ?? index}`}
          aria-rowindex={rows.length > 500 ? index + 2 : undefined}
        >
          {brandOf && (
            <td>
              <bdi>@{brandOf(permission)}</bdi>
            </td>
          )}
          <th scope="row">
            {permission.creatorUsername ? (
              <bdi>{say(creatorLabel(permission))}</bdi>
            ) : (
              <span class="muted">{say(creatorLabel(permission))}</span>
            )}
          </th>
          <td>
            <StatusWord status={permission.status} />
          </td>
          <td>{formatDate(permission.requestedAt)}</td>
          <td>
            {canRevoke(permission.status) && (permission.creatorUsername || permission.creatorId) && (
              <button type="button" class="danger" disabled={actionsDisabled} onClick={() => onRevoke(permission)}>
                {t('commonRevoke')}
              </button>
            )}
          </td>
        </tr>
      )}
    />
  );
}
