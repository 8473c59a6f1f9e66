import { t } from '@/utils/i18n';
import { describeUpdate } from './format';

/** When the data shown was fetched, and a way to fetch it again. */
export function RefreshBar({ fetchedAt, refreshing, onRefresh }: { fetchedAt?: number; refreshing: boolean; onRefresh: () => void }) {
  return (
    <div class="row refresh-bar">
      <span class="muted" role="status">
        {refreshing ? t('commonRefreshing') : fetchedAt ? describeUpdate(fetchedAt) : ''}
      </span>
      <button type="button" onClick={onRefresh} disabled={refreshing}>
        {t('commonRefresh')}
      </button>
    </div>
  );
}
