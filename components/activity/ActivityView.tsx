import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AUDIT_OUTCOMES, type AuditEntry } from '@/utils/audit/audit-entry';
import { outcomeWord } from '@/utils/bulk/job';
import { csvFileName, downloadCsv, toCsv } from '@/utils/export/csv';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { i18n, plural, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { ConfirmDialog, type ConfirmRequest } from '../shared/ConfirmDialog';
import { VirtualTable } from '../shared/VirtualTable';

/** The item states the log records, and each one's state by the log's word. */
const LOGGED_STATES = new Set<string>(Object.keys(AUDIT_OUTCOMES));
const STATE_OF = Object.fromEntries(Object.entries(AUDIT_OUTCOMES).map(([state, word]) => [word, state])) as Record<
  AuditEntry['outcome'],
  keyof typeof AUDIT_OUTCOMES
>;

/** The outcome word of a logged action (stored as the English word, also in the exported CSV). */
function outcomeText(outcome: AuditEntry['outcome']): string {
  const state = STATE_OF[outcome];
  return state ? say(outcomeWord(state)) : outcome;
}

/** The audit log: every send and revoke Collab Desk made for the person, kept only in this browser. */
export function ActivityView() {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const load = useCallback(() => void sendMessage('getAuditLog', undefined).then(setEntries), []);
  const reloadTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    load();
    const unsubscribe = subscribeToBackgroundEvents((event) => {
      const settledSome = event.type === 'job-progress' && event.progress.items.some((item) => LOGGED_STATES.has(item.state));
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

  const count = entries?.length ?? 0;
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
          say(entry.reason),
          entry.source,
        ]),
      ),
    );
  }

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('activityHeading')}</h2>
      <p class="muted">{t('activityIntro')}</p>
      <div class="row filters">
        <span role="status">{entries ? plural('activityActionCount', entries.length) : t('commonLoading')}</span>
        <button type="button" onClick={exportLog} disabled={!entries?.length}>
          {t('activityExport')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!entries?.length}
          onClick={() =>
            setConfirm({
              title: t('activityClearTitle'),
              action: plural('activityClearAction', count),
              message: <p>{plural('activityClearMessage', count)}</p>,
              onConfirm: () => void sendMessage('clearAuditLog', undefined).then(load),
            })
          }
        >
          {t('activityClear')}
        </button>
      </div>
      {entries && (
        <VirtualTable
          caption={t('activityTableCaption')}
          columnCount={6}
          rows={entries}
          head={
            <>
              <th scope="col">{t('activityColumnWhen')}</th>
              <th scope="col">{t('activityColumnBrand')}</th>
              <th scope="col">{t('commonColumnCreator')}</th>
              <th scope="col">{t('activityColumnAction')}</th>
              <th scope="col">{t('commonColumnOutcome')}</th>
              <th scope="col">{t('commonColumnReason')}</th>
            </>
          }
          renderRow={(entry, index, ariaRowIndex) => (
            <tr key={entry.id ?? index} aria-rowindex={ariaRowIndex}>
              <td>{i18n.dateTime(entry.at)}</td>
              <td>{brandName(entry)}</td>
              <th scope="row">
                <bdi>@{entry.creator}</bdi>
              </th>
              <td>{entry.action === 'send' ? t('commonSendRequest') : t('commonRevoke')}</td>
              <td>{outcomeText(entry.outcome)}</td>
              <td>{say(entry.reason)}</td>
            </tr>
          )}
        />
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
