import { outcomeWord, type ItemState, type Job, type JobItem } from '@/utils/bulk/job';
import { csvFileName, downloadCsv, toCsv } from '@/utils/export/csv';
import { i18n, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';
import { VirtualTable } from '../shared/VirtualTable';

function describeState(job: Job, left: number): string {
  switch (job.state) {
    case 'running':
      return t('bulkStateWorking', { left: left });
    case 'waiting':
      return job.waitReason === undefined ? t('bulkStateWaiting') : say(job.waitReason);
    case 'paused':
      return job.waitReason === undefined ? t('bulkStatePaused') : say(job.waitReason);
    case 'cancelled':
      return t('bulkStateCancelled');
    default:
      return t('bulkStateDone');
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
      items.map((item) => [item.username, say(outcomeWord(item.state)), say(item.reason)]),
    );
    downloadCsv(csvFileName(job.brandUsername, job.kind === 'send' ? 'bulk-send' : 'bulk-revoke', 'results'), csv);
  }

  return (
    <section class="card" aria-labelledby="job-heading">
      <h3 id="job-heading">
        {t(job.kind === 'send' ? 'bulkJobHeadingSend' : 'bulkJobHeadingRevoke', { brand: job.brandUsername })}
        <span class="muted"> ({i18n.dateTime(job.createdAt)})</span>
      </h3>
      <p role="status" class={job.state === 'waiting' ? 'warn-text' : undefined}>
        {describeState(job, left)}
      </p>
      <div class="row">
        <progress aria-label={t('bulkProgressLabel')} max={job.total} value={settled} />
        <span>{t('bulkProgress', { settled, total: job.total })}</span>
      </div>
      <ul class="counts" aria-label={t('bulkCountsLabel')}>
        {job.kind === 'send' ? (
          <li>{t('bulkCountSent', { count: counts.sent })}</li>
        ) : (
          <li>{t('bulkCountRevoked', { count: counts.revoked })}</li>
        )}
        <li>{t('bulkCountFailed', { count: counts.failed })}</li>
        <li>{t('bulkCountSkipped', { count: counts.skipped })}</li>
        {left > 0 && <li>{t('bulkCountNotDone', { count: left })}</li>}
      </ul>
      <div class="row">
        {active && (
          <button type="button" disabled={busy} onClick={() => run(() => sendMessage('pauseBulkJob', { jobId: job.id }))}>
            {t('bulkPause')}
          </button>
        )}
        {job.state === 'paused' && (
          <button type="button" disabled={busy} onClick={() => run(() => sendMessage('resumeBulkJob', { jobId: job.id }))}>
            {t('bulkResume')}
          </button>
        )}
        {(active || job.state === 'paused') && (
          <button type="button" class="danger" disabled={busy} onClick={() => run(() => sendMessage('cancelBulkJob', { jobId: job.id }))}>
            {t('bulkStop')}
          </button>
        )}
        {counts.failed > 0 && job.state !== 'running' && (
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => run(() => sendMessage('retryFailedBulkJob', { jobId: job.id }))}
          >
            {t('bulkRetryFailed', { count: counts.failed })}
          </button>
        )}
        <button type="button" onClick={exportResults}>
          {t('commonExportCsv')}
        </button>
      </div>
      <ErrorNotice error={error} />
      <VirtualTable
        caption={t('bulkResultsCaption')}
        columnCount={3}
        rows={items}
        head={
          <>
            <th scope="col">{t('commonColumnCreator')}</th>
            <th scope="col">{t('commonColumnOutcome')}</th>
            <th scope="col">{t('commonColumnReason')}</th>
          </>
        }
        renderRow={(item, _index, ariaRowIndex) => (
          <tr key={item.index} aria-rowindex={ariaRowIndex}>
            <th scope="row">
              <bdi>{item.username}</bdi>
            </th>
            <td class={`outcome-${item.state}`}>{say(outcomeWord(item.state))}</td>
            <td>
              <bdi>{say(item.reason)}</bdi>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
