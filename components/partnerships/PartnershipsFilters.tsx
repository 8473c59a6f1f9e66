import { i18n, plural, say, t } from '@/utils/i18n';
import type { TermsFilter } from '@/utils/notes/note';
import { statusKeyWord, type StatusKey } from '@/utils/partnerships/status';
import type { TableQuery } from '@/utils/partnerships/table-view';
import { CampaignSelect } from '../shared/CampaignSelect';
import { rich } from '../shared/rich';

/** The counts by status, then what narrows the table (search, status, terms, campaign) and its export. */
export function PartnershipsFilters({
  counts,
  total,
  shown,
  query,
  onQuery,
  terms,
  onTerms,
  campaign,
  onCampaign,
  campaigns,
  onExport,
}: {
  counts: readonly (readonly [status: StatusKey, count: number])[];
  total: number;
  shown: number;
  query: TableQuery;
  onQuery: (query: TableQuery) => void;
  terms: TermsFilter;
  onTerms: (terms: TermsFilter) => void;
  campaign: string;
  onCampaign: (campaign: string) => void;
  campaigns: readonly string[];
  onExport: () => void;
}) {
  return (
    <>
      <ul class="counts" aria-label={t('partnershipsCountsLabel')}>
        <li>{rich(t('partnershipsCountAll'), { count: <strong>{i18n.number(total)}</strong> })}</li>
        {counts.map(([status, count]) => (
          <li key={status}>
            {rich(t('partnershipsCountStatus'), { status: say(statusKeyWord(status)), count: <strong>{i18n.number(count)}</strong> })}
          </li>
        ))}
      </ul>
      <div class="row filters">
        <input
          type="search"
          aria-label={t('partnershipsSearch')}
          placeholder={t('partnershipsSearch')}
          value={query.search}
          onInput={(event) => onQuery({ ...query, search: event.currentTarget.value })}
        />
        <select
          aria-label={t('partnershipsStatusFilter')}
          value={query.status}
          onChange={(event) => onQuery({ ...query, status: event.currentTarget.value })}
        >
          <option value="">{t('partnershipsAllStatuses')}</option>
          {counts.map(([status, count]) => (
            <option key={status} value={status}>
              {t('partnershipsStatusOption', { status: statusKeyWord(status), count })}
            </option>
          ))}
        </select>
        <span class="muted" role="status">
          {shown === total
            ? plural('partnershipsCreatorCount', shown)
            : plural('partnershipsCreatorsShown', total, { shown, count: total })}
        </span>
        <select aria-label={t('notesTermsFilter')} value={terms} onChange={(event) => onTerms(event.currentTarget.value as TermsFilter)}>
          <option value="">{t('notesAllTerms')}</option>
          <option value="ending">{t('notesEndingSoon')}</option>
          <option value="ended">{t('notesEndedFilter')}</option>
        </select>
        <CampaignSelect
          aria-label={t('notesCampaignFilter')}
          campaigns={campaigns}
          value={campaign}
          onChange={onCampaign}
          none="notesAllCampaigns"
        />
        <button type="button" onClick={onExport} disabled={shown === 0}>
          {t('commonExportCsv')}
        </button>
      </div>
    </>
  );
}
