import { memo } from 'preact/compat';
import { useMemo, useRef } from 'preact/hooks';
import { creatorLabel, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { canRevoke, statusGroup } from '@/utils/partnerships/status';
import { hasEnded, today, waitingFor, type CreatorNote } from '@/utils/notes/note';
import type { SortColumn, TableQuery } from '@/utils/partnerships/table-view';
import { plural, say, t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/said';
import { StatusWord } from '../shared/StatusWord';
import { formatDay, shortDate } from '../shared/format';
import { VirtualTable } from '../shared/VirtualTable';
import { PostsReadyLink } from '../content/PostsReadyLink';

const COLUMNS: Array<[SortColumn, MessageKey]> = [
  ['creator', 'commonColumnCreator'],
  ['status', 'partnershipsColumnStatus'],
  ['requested', 'partnershipsColumnRequested'],
];

function formatDate(iso: string | undefined): string {
  return iso ? shortDate(new Date(iso)) : '';
}

/** "waiting 12 days" beside a pending request's date (the status cell keeps the status word alone) that has waited longer than the person's threshold. */
function waitingMark(days: number | undefined) {
  return days !== undefined ? <span class="muted"> {plural('followUpWaitingDays', days)}</span> : null;
}

/** The note's campaign and end date, and whether the term has ended. */
function termsOf(note: CreatorNote | undefined, day: string) {
  if (!note) return null;
  return (
    <>
      {note.campaign && <bdi class="campaign">{note.campaign}</bdi>}
      {note.campaign && note.endDate && ' · '}
      {note.endDate &&
        (hasEnded(note, day) ? (
          <span class="warn-text">{t('notesEnded', { date: formatDay(note.endDate) })}</span>
        ) : (
          t('notesEnds', { date: formatDay(note.endDate) })
        ))}
    </>
  );
}

/** What a row's buttons do; one object for the table's life, so that rows whose data did not change are not drawn again. */
interface RowActions {
  revoke: (permission: PartnershipPermission) => void;
  edit: (permission: PartnershipPermission) => void;
  copyLink: (permission: PartnershipPermission) => void;
}

/** The brand's creator permissions, sortable by column, with Revoke on rows that allow it. */
export function PartnershipsTable(props: {
  rows: readonly PartnershipPermission[];
  query: TableQuery;
  onSort: (column: SortColumn) => void;
  onRevoke: (permission: PartnershipPermission) => void;
  actionsDisabled: boolean;
  /** All brands: each row's brand account username, in a Brand column. */
  brandOf?: (permission: PartnershipPermission) => string;
  /** The person's note on the row's creator (end date, campaign). */
  noteOf: (permission: PartnershipPermission) => CreatorNote | undefined;
  onEdit: (permission: PartnershipPermission) => void;
  onCopyLink: (permission: PartnershipPermission) => void;
  /** Pending requests older than this many days are marked as waiting. */
  waitingAfterDays: number;
}) {
  const { rows, query, onSort, actionsDisabled, brandOf, noteOf, waitingAfterDays } = props;
  const day = today();
  // The handlers of the latest render, called through one stable object.
  const latest = useRef(props);
  latest.current = props;
  const actions = useMemo<RowActions>(
    () => ({
      revoke: (permission) => latest.current.onRevoke(permission),
      edit: (permission) => latest.current.onEdit(permission),
      copyLink: (permission) => latest.current.onCopyLink(permission),
    }),
    [],
  );
  return (
    <VirtualTable
      caption={t('partnershipsTableCaption')}
      columnCount={brandOf ? 6 : 5}
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
          <th scope="col">{t('notesColumnTerms')}</th>
          <th scope="col">{t('partnershipsColumnAction')}</th>
        </>
      }
      renderRow={(permission, index, ariaRowIndex) => (
        <PartnershipRow
          key={`${permission.brandIgId}/${permission.id ?? permission.creatorUsername ?? index}`}
          permission={permission}
          brand={brandOf?.(permission)}
          note={noteOf(permission)}
          day={day}
          waitingDays={waitingFor(permission, waitingAfterDays)}
          actionsDisabled={actionsDisabled}
          ariaRowIndex={ariaRowIndex}
          actions={actions}
        />
      )}
    />
  );
}

/**
 * One permission's row. Drawn again only when what it shows changed: a keystroke that keeps
 * a row, or a step that adds rows below it, leaves it as it is. Everything it shows that can
 * change comes in its props (the day and the days waited included, worked out by the table).
 */
const PartnershipRow = memo(function PartnershipRow({
  permission,
  brand,
  note,
  day,
  waitingDays,
  actionsDisabled,
  ariaRowIndex,
  actions,
}: {
  permission: PartnershipPermission;
  /** All brands: the row's brand account username (undefined: no Brand column). */
  brand: string | undefined;
  note: CreatorNote | undefined;
  day: string;
  /** Days the pending request has waited, past the person's threshold (else undefined). */
  waitingDays: number | undefined;
  actionsDisabled: boolean;
  ariaRowIndex: number | undefined;
  actions: RowActions;
}) {
  return (
    <tr aria-rowindex={ariaRowIndex}>
      {brand !== undefined && (
        <td>
          <bdi>@{brand}</bdi>
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
      <td>
        {formatDate(permission.requestedAt)}
        {waitingMark(waitingDays)}
      </td>
      <td>{termsOf(note, day)}</td>
      <td class="row-actions">
        {permission.creatorUsername && (
          <button type="button" onClick={() => actions.edit(permission)}>
            {t('notesEdit')}
            <span class="visually-hidden">
              {' '}
              {brand !== undefined
                ? t('popupCreatorForBrand', { creator: permission.creatorUsername, brand })
                : `@${permission.creatorUsername}`}
            </span>
          </button>
        )}
        {statusGroup(permission.status) === 'pending' && permission.creatorUsername && (
          <button type="button" onClick={() => actions.copyLink(permission)}>
            {t('followUpCopyLink')}
            <span class="visually-hidden"> @{permission.creatorUsername}</span>
          </button>
        )}
        <PostsReadyLink permission={permission} />
        {canRevoke(permission.status) && (permission.creatorUsername || permission.creatorId) && (
          <button type="button" class="danger" disabled={actionsDisabled} onClick={() => actions.revoke(permission)}>
            {t('commonRevoke')}
          </button>
        )}
      </td>
    </tr>
  );
});
