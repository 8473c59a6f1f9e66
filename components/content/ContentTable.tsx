import { memo } from 'preact/compat';
import { i18n, say, t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/said';
import { INSIGHT_NAMES, type ContentRow, type InsightName } from '@/utils/content/content-row';
import { adUsageWord, eligibilityKey, eligibilityWord } from '@/utils/content/content-words';
import type { PartnershipPermission } from '@/utils/partnerships/permission-record';
import { CopyButton } from '../shared/CopyButton';
import { StatusWord } from '../shared/StatusWord';
import { VirtualTable } from '../shared/VirtualTable';
import { formatDay } from '../shared/format';
import { kindWords } from './content-kinds';

const INSIGHT_COLUMNS = {
  reach: 'contentColumnReach',
  views: 'contentColumnViews',
  likes: 'contentColumnLikes',
  comments: 'contentColumnComments',
  shares: 'contentColumnShares',
  saves: 'contentColumnSaves',
} as const satisfies Record<InsightName, MessageKey>;

export interface ShownContent {
  row: ContentRow;
  /** The permission that decides the creator's standing with the brand (undefined: never asked). */
  permission?: PartnershipPermission;
}

/** The table Partnership content: one row per post, with its creator's standing, Meta's words and counts, and the row's copy and open actions. */
export function ContentTable({ rows }: { rows: readonly ShownContent[] }) {
  return (
    <VirtualTable
      caption={t('contentTableCaption')}
      columnCount={7 + INSIGHT_NAMES.length}
      rows={rows}
      head={
        <>
          <th scope="col">{t('commonColumnCreator')}</th>
          <th scope="col">{t('contentColumnPost')}</th>
          <th scope="col">{t('contentColumnCaption')}</th>
          <th scope="col">{t('contentColumnDate')}</th>
          <th scope="col">{t('contentColumnEligibility')}</th>
          <th scope="col">{t('contentColumnAdUsage')}</th>
          {INSIGHT_NAMES.map((name) => (
            <th scope="col" class="number" key={name}>
              {t(INSIGHT_COLUMNS[name])}
            </th>
          ))}
          <th scope="col">{t('partnershipsColumnAction')}</th>
        </>
      }
      renderRow={(shown, index, ariaRowIndex) => (
        <ContentTableRow key={shown.row.contentId ?? `row-${index}`} shown={shown} ariaRowIndex={ariaRowIndex} />
      )}
    />
  );
}

const ContentTableRow = memo(function ContentTableRow({ shown, ariaRowIndex }: { shown: ShownContent; ariaRowIndex: number | undefined }) {
  const { row, permission } = shown;
  const creator = row.creator.username ? `@${row.creator.username}` : (row.creator.displayName ?? row.creator.igUserId ?? '');
  const eligibility = eligibilityKey(row.eligibility);
  return (
    <tr aria-rowindex={ariaRowIndex}>
      <th scope="row">
        <bdi>{creator}</bdi> <StatusWord status={permission?.status} />
      </th>
      <td>{kindWords(row)}</td>
      <td class="caption-excerpt">
        <bdi>{row.caption ?? ''}</bdi>
      </td>
      <td class="nowrap">{row.createdOn ? formatDay(row.createdOn) : ''}</td>
      <td>
        <bdi class={eligibility === 'AD_READY' ? 'status-word status-approved' : undefined}>{say(eligibilityWord(row.eligibility))}</bdi>
      </td>
      <td>
        <bdi>{say(adUsageWord(row.adUsage))}</bdi>
      </td>
      {INSIGHT_NAMES.map((name) => (
        <td class="number" key={name}>
          {row.insights[name] === undefined ? '' : i18n.number(row.insights[name])}
        </td>
      ))}
      <td class="row-actions content-actions">
        {row.contentId && <CopyButton text={row.contentId} label={t('contentCopyId')} />}
        {row.adCode && <CopyButton text={row.adCode} label={t('contentCopyAdCode')} />}
        {row.permalink && (
          <a href={row.permalink} target="_blank" rel="noopener noreferrer">
            {t('contentOpenPost')}
          </a>
        )}
      </td>
    </tr>
  );
});
