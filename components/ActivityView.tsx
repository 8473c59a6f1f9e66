import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AuditEntry } from '@/utils/audit/audit-entry';
import { csvFileName, downloadCsv, toCsv } from '@/utils/export/csv';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage } from '@/utils/messaging/protocol';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { VirtualTable } from './VirtualTable';

/** The audit log: every send and revoke Collab Desk made for the person, kept only in this browser. */
export function ActivityView() {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const load = useCallback(() => void sendMessage('getAuditLog', undefined).then(setEntries), []);
  const reloadTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    load();
    const unsubscribe = subscribeToBackgroundEvents((event) => {
      const settledSome =
        event.type === 'job-progress' &&
        event.progress.items.some((item) => item.state === 'sent' || item.state === 'revoked' || item.state === 'failed');
      // A running job settles items many times a second: the log is read again at most once a second.
      if ((settledSome || event.type === 'events-resumed') && !reloadTimer.current) {
        reloadTimer.current = setTimeout(() => {
          reloadTimer.current = undefined;
          load();
        }, 1000);
      }
    });
    return () => {
      unsubscribe();
      clearTimeout(reloadTimer.current);
    };
  }, [load]);

  const brandName = (entry: AuditEntry) => (entry.brandUsername ? `@${entry.brandUsername}` : entry.brandIgId);
  function exportLog() {
    if (!entries) return;
    downloadCsv(
      csvFileName('audit-log'),
      toCsv(
        ['time', 'brand', 'creator', 'action', 'outcome', 'reason', 'source'],
        entries.map((entry) => [
          new Date(entry.at).toISOString(),
          brandName(entry),
          entry.creator,
          entry.action,
          entry.outcome,
          entry.reason,
          entry.source,
        ]),
      ),
    );
  }

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <p class="muted">Every request and revoke Collab Desk sent for you, kept only in this browser.</p>
      <div class="row filters">
        <span role="status">{entries ? `${entries.length} actions` : 'Loading…'}</span>
        <button type="button" onClick={exportLog} disabled={!entries?.length}>
          Export audit log
        </button>
        <button
          type="button"
          class="danger"
          disabled={!entries?.length}
          onClick={() =>
            setConfirm({
              title: 'Clear the audit log?',
              action: `Clear ${entries?.length} entries`,
              message: <p>All {entries?.length} entries are deleted from this browser. This cannot be undone.</p>,
              onConfirm: () => void sendMessage('clearAuditLog', undefined).then(load),
            })
          }
        >
          Clear audit log
        </button>
      </div>
      {entries && (
        <VirtualTable
          caption="Audit log"
          columnCount={6}
          rows={entries}
          head={
            <>
              <th scope="col">When</th>
              <th scope="col">Brand</th>
              <th scope="col">Creator</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason</th>
            </>
          }
          renderRow={(entry, index) => (
            <tr key={entry.id ?? index}>
              <td>{new Date(entry.at).toLocaleString()}</td>
              <td>{brandName(entry)}</td>
              <th scope="row">
                <bdi>@{entry.creator}</bdi>
              </th>
              <td>{entry.action === 'send' ? 'Send request' : 'Revoke'}</td>
              <td>{entry.outcome}</td>
              <td>{entry.reason ?? ''}</td>
            </tr>
          )}
        />
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
