import { outcomeWord, type ItemState, type Job, type JobItem } from '@/utils/bulk/job';
import { csvFileName, downloadCsv, toCsv } from '@/utils/export/csv';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';
import { VirtualTable } from './VirtualTable';

function describeState(job: Job, left: number): string {
  switch (job.state) {
    case 'running':
      return `Working: ${left} left.`;
    case 'waiting':
      return job.waitReason ?? 'Waiting.';
    case 'paused':
      return job.waitReason ?? 'Paused.';
    case 'cancelled':
      return 'Cancelled. Creators not sent yet were skipped.';
    default:
      return 'Done.';
  }
}

/** The last bulk action: progress, pause / resume / stop, per-creator results, retry and export. */
export function BulkJobPanel({ job, items, counts }: { job: Job; items: JobItem[]; counts: Record<ItemState, number> }) {
  const { busy, error, run } = useAction();
  const settled = counts.sent + counts.revoked + counts.failed + counts.skipped;
  const left = job.total - settled;
  const active = job.state === 'running' || job.state === 'waiting';

  function exportResults() {
    const csv = toCsv(
      ['creator_username', 'outcome', 'reason'],
      items.map((item) => [item.username, outcomeWord(item.state), item.reason]),
    );
    downloadCsv(csvFileName(job.brandUsername, job.kind === 'send' ? 'bulk-send' : 'bulk-revoke', 'results'), csv);
  }

  return (
    <section class="card" aria-labelledby="job-heading">
      <h3 id="job-heading">
        {job.kind === 'send' ? 'Send requests' : 'Revoke requests'} for @{job.brandUsername}
        <span class="muted"> ({new Date(job.createdAt).toLocaleString()})</span>
      </h3>
      <p role="status" class={job.state === 'waiting' ? 'warn-text' : undefined}>
        {describeState(job, left)}
      </p>
      <div class="row">
        <progress aria-label="Bulk progress" max={job.total} value={settled} />
        <span>
          {settled} of {job.total}
        </span>
      </div>
      <ul class="counts" aria-label="Bulk counts">
        {job.kind === 'send' ? <li>Sent: {counts.sent}</li> : <li>Revoked: {counts.revoked}</li>}
        <li>Failed: {counts.failed}</li>
        <li>Skipped: {counts.skipped}</li>
        {left > 0 && <li>Not done yet: {left}</li>}
      </ul>
      <div class="row">
        {active && (
          <button type="button" disabled={busy} onClick={() => run(() => sendMessage('pauseBulkJob', { jobId: job.id }))}>
            Pause
          </button>
        )}
        {job.state === 'paused' && (
          <button type="button" disabled={busy} onClick={() => run(() => sendMessage('resumeBulkJob', { jobId: job.id }))}>
            Resume
          </button>
        )}
        {(active || job.state === 'paused') && (
          <button type="button" class="danger" disabled={busy} onClick={() => run(() => sendMessage('cancelBulkJob', { jobId: job.id }))}>
            Stop job
          </button>
        )}
        {counts.failed > 0 && job.state !== 'running' && (
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => run(() => sendMessage('retryFailedBulkJob', { jobId: job.id }))}
          >
            Retry failed ({counts.failed})
          </button>
        )}
        <button type="button" onClick={exportResults}>
          Export CSV
        </button>
      </div>
      <ErrorNotice error={error} />
      <VirtualTable
        caption="Results"
        columnCount={3}
        rows={items}
        head={
          <>
            <th scope="col">Creator</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reason</th>
          </>
        }
        renderRow={(item, index) => (
          <tr key={item.index} aria-rowindex={items.length > 500 ? index + 2 : undefined}>
            <th scope="row">
              <bdi>{item.username}</bdi>
            </th>
            <td class={`outcome-${item.state}`}>{outcomeWord(item.state)}</td>
            <td>
              <bdi>{item.reason ?? ''}</bdi>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
