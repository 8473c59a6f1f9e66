import { describeAge } from './format';

/** When the data shown was fetched, and a way to fetch it again. */
export function RefreshBar({ fetchedAt, refreshing, onRefresh }: { fetchedAt?: number; refreshing: boolean; onRefresh: () => void }) {
  return (
    <div class="row refresh-bar">
      <span class="muted" role="status">
        {refreshing ? 'Refreshing from Facebook…' : fetchedAt ? `Updated ${describeAge(fetchedAt)}` : ''}
      </span>
      <button type="button" onClick={onRefresh} disabled={refreshing}>
        Refresh
      </button>
    </div>
  );
}
