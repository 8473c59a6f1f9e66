import { browser } from '@/utils/browser';
import { i18n, plural, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { WATCH_EVERY_HOURS, type WatchEveryHours } from '@/utils/watch/watch-settings';
import type { MessageKey } from '@/utils/i18n/said';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';
import { useWatch } from '../shared/hooks/use-watch';

/**
 * Settings: the approvals watch, off until the person turns it on. Turning it on asks for
 * notifications (the browser asks the person); the watch works without them, on the badge
 * and in What changed.
 */
export function WatchSettings() {
  const { watch, setWatch } = useWatch();
  const { busy, error, run } = useAction();
  if (!watch) return null;
  const { settings, lastCycle, budget } = watch;

  async function save(enabled: boolean, everyHours: WatchEveryHours) {
    const before = watch!;
    // The box shows the person's choice at once; the background's answer follows (or puts it back).
    setWatch({ ...before, settings: { enabled, everyHours } });
    if (enabled && !settings.enabled && !before.notificationsAllowed) {
      // Asked while the click still counts as the person's; refused or unsupported, the watch runs without.
      await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
    }
    const updated = await run(() => sendMessage('saveWatchSettings', { enabled, everyHours }));
    setWatch(updated ?? before);
  }

  async function checkNow() {
    const updated = await run(() => sendMessage('runWatchNow', undefined));
    if (updated) setWatch(updated);
  }

  return (
    <section class="card" aria-labelledby="watch-heading">
      <h3 id="watch-heading">{t('watchHeading')}</h3>
      <div class="field checkbox">
        <input
          id="watch-enabled"
          type="checkbox"
          checked={settings.enabled}
          disabled={busy}
          onChange={(event) => void save(event.currentTarget.checked, settings.everyHours)}
          aria-describedby="watch-help"
        />
        <label for="watch-enabled">{t('watchEnabled')}</label>
      </div>
      <p id="watch-help" class="muted">
        {t('watchHelp')}
      </p>
      <div class="field">
        <label for="watch-every">{t('watchEvery')}</label>
        <select
          id="watch-every"
          value={String(settings.everyHours)}
          disabled={busy || !settings.enabled}
          onChange={(event) => void save(settings.enabled, Number(event.currentTarget.value) as WatchEveryHours)}
        >
          {WATCH_EVERY_HOURS.map((hours) => (
            <option key={hours} value={String(hours)}>
              {t(EVERY_WORDS[hours])}
            </option>
          ))}
        </select>
      </div>
      <p class="muted">{t('watchBudget', { calls: budget.calls, creators: budget.creators, brands: budget.newBrands })}</p>
      {watch.fixedIntervalMinutes > 0 && <p class="muted">{t('watchFixedInterval', { minutes: watch.fixedIntervalMinutes })}</p>}
      {settings.enabled && !watch.notificationsAllowed && <p class="muted">{t('watchNotificationsOff')}</p>}
      <div class="row">
        <button type="button" onClick={() => void checkNow()} disabled={busy || !settings.enabled}>
          {t('watchCheckNow')}
        </button>
        <span class="muted" role="status">
          {busy
            ? t('watchChecking')
            : lastCycle?.failed
              ? t('watchLastFailed', { time: { time: lastCycle.at }, reason: lastCycle.failed })
              : lastCycle
                ? t('watchLastCycle', {
                    time: { time: lastCycle.at },
                    checked: i18n.number(lastCycle.checked),
                    found: i18n.number(lastCycle.found),
                  })
                : ''}
        </span>
      </div>
      {lastCycle && lastCycle.leftOver > 0 && <p class="muted">{plural('watchLeftOver', lastCycle.leftOver)}</p>}
      <ErrorNotice error={error} />
    </section>
  );
}

const EVERY_WORDS: Record<WatchEveryHours, MessageKey> = {
  1: 'watchEvery1',
  3: 'watchEvery3',
  6: 'watchEvery6',
  12: 'watchEvery12',
  24: 'watchEvery24',
};
