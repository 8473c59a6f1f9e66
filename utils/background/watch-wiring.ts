import { browser } from '@/utils/browser';
import { buildSettings } from '../build-settings';
import { describeError } from '../errors';
import { i18n } from '../i18n';
import { said, saidCount } from '../i18n/said';
import { statusWord } from '../partnerships/status';
import { watchLastCycle } from '../storage';
import type { WatchNews } from '../watch/watch-cycle';
import type { createEventHub } from '../messaging/events';
import { createWatchService, WATCH_ALARM, type WatchServiceDeps } from '../watch/watch-service';
import type { WatchCycleSummary, WatchSettings } from '../watch/watch-settings';
import { notify } from './notify';

/** The approvals watch as the background runs it: on its alarm, its outcome kept for Settings, its news notified. */
export function createWatchWiring({
  events,
  scheduleBadge,
  ...deps
}: Omit<WatchServiceDeps, 'onNews'> & { events: ReturnType<typeof createEventHub>; scheduleBadge(): void }) {
  const watch = createWatchService({
    ...deps,
    onNews: async (news) => {
      scheduleBadge();
      events.broadcast({ type: 'data-changed', area: 'watch' });
      await notifyNews(news);
    },
  });

  /** One notification per cycle that found news, when the person allowed notifications. */
  async function notifyNews(news: readonly WatchNews[]): Promise<void> {
    const lines = news.slice(0, 5).map((entry) =>
      i18n.say(
        said('watchNotificationLine', {
          creator: `@${entry.creatorUsername}`,
          brand: `@${entry.brandUsername}`,
          status: statusWord(entry.to),
        }),
      ),
    );
    if (news.length > 5) lines.push(i18n.say(saidCount('watchNotificationMore', news.length - 5)));
    await notify(WATCH_ALARM, i18n.say(saidCount('watchNotificationTitle', news.length)), lines.join('\n'));
  }

  return {
    /** A watch cycle whose outcome (or failure) is kept for Settings to say; never throws. */
    async runWatch(): Promise<WatchCycleSummary> {
      let summary: WatchCycleSummary;
      try {
        summary = await watch.run();
      } catch (error) {
        summary = { at: Date.now(), checked: 0, leftOver: 0, found: 0, failed: describeError(error).said };
      }
      await watchLastCycle.setValue(summary);
      events.broadcast({ type: 'data-changed', area: 'watch' });
      return summary;
    },

    /** The watch's alarm follows its settings (a build for tests may look more often). */
    async scheduleWatch(settings: WatchSettings): Promise<void> {
      if (!settings.enabled) {
        await browser.alarms.clear(WATCH_ALARM);
        return;
      }
      const periodInMinutes = buildSettings.watchIntervalMinutes || settings.everyHours * 60;
      const existing = await browser.alarms.get(WATCH_ALARM);
      if (existing?.periodInMinutes === periodInMinutes) return;
      await browser.alarms.create(WATCH_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
    },
  };
}
