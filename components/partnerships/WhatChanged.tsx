import { i18n, plural, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { statusWord } from '@/utils/partnerships/status';
import { ErrorNotice } from '../shared/ErrorNotice';
import { StatusWord } from '../shared/StatusWord';
import { announce, keepFocusNear } from '../shared/announce';
import { useAction } from '../shared/hooks/use-action';
import { useWatch } from '../shared/hooks/use-watch';

/**
 * What the approvals watch found since the person last looked: one row per creator who is
 * pending no longer, with Mark as seen. Shown while watching is on or news is waiting.
 */
export function WhatChanged() {
  const { watch, setWatch } = useWatch();
  const { busy, error, run } = useAction();
  if (!watch || (!watch.settings.enabled && watch.news.length === 0)) return null;
  const { news } = watch;

  async function markSeen(event: Event) {
    // The button goes with the news: the keyboard stays in this section.
    keepFocusNear(event.currentTarget as HTMLElement);
    // Only what is shown: news a cycle found since this table was drawn stays for the next look.
    const upToId = Math.max(...news.map((entry) => entry.id));
    const updated = await run(() => sendMessage('markWatchNewsSeen', { upToId }));
    if (updated) {
      setWatch(updated);
      announce(t('watchMarkedSeen'));
    }
  }

  return (
    <section class="card" aria-labelledby="what-changed-heading">
      <div class="row view-heading">
        <h3 id="what-changed-heading">{t('watchWhatChanged')}</h3>
        {news.length > 0 && (
          <button type="button" onClick={(event) => void markSeen(event)} disabled={busy}>
            {t('watchMarkSeen')}
          </button>
        )}
      </div>
      {news.length === 0 ? (
        <p class="muted">{t('watchNothingNew')}</p>
      ) : (
        <>
          <p class="muted">{plural('watchNewsCount', news.length)}</p>
          <table class="data">
            <caption class="visually-hidden">{t('watchWhatChanged')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commonColumnCreator')}</th>
                <th scope="col">{t('watchColumnBrand')}</th>
                <th scope="col">{t('watchColumnWas')}</th>
                <th scope="col">{t('watchColumnNow')}</th>
                <th scope="col">{t('watchColumnFound')}</th>
              </tr>
            </thead>
            <tbody>
              {news.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    <bdi>@{entry.creatorUsername}</bdi>
                  </th>
                  <td>
                    <bdi>@{entry.brandUsername}</bdi>
                  </td>
                  <td>{say(statusWord(entry.from))}</td>
                  <td>
                    <StatusWord status={entry.to} />
                  </td>
                  <td>{i18n.dateTime(entry.foundAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
