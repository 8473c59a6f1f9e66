import { createHandlers } from '@/utils/background/handlers';
import { createServices } from '@/utils/background/services';
import { JOB_ALARM } from '@/utils/background/job-alarm';
import { TERMS_ALARM } from '@/utils/background/ended-terms';
import { WATCH_ALARM } from '@/utils/watch/watch-service';
import { watchSettings } from '@/utils/storage';
import { serveProtocol } from '@/utils/messaging/serve';
import * as z from 'zod/mini';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from '@/utils/browser';
import { INSTAGRAM_ORIGIN } from '@/utils/profile-status/instagram-origin';

// Validation without code generation: extension pages' CSP forbids eval, and stores flag it.
z.config({ jitless: true });

export default defineBackground(() => {
  const services = createServices();
  serveProtocol(createHandlers(services), services.profileStatus.tabHandlers);
  // The worker may have been stopped mid-job: settle what was on its way, run what is due, schedule the rest.
  void services.runner.recover();
  void services.showBadge();

  // Alarms may not outlive a browser restart: the watch's is set again from its settings.
  void watchSettings.getValue().then((settings) => services.scheduleWatch(settings));
  // Terms end by the calendar: looked at every hour (in the cache and notes only), and now.
  void browser.alarms.create(TERMS_ALARM, { periodInMinutes: 60 });
  void services.checkEndedTerms();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOB_ALARM) void services.runner.kick();
    if (alarm.name === WATCH_ALARM) void services.runWatch();
    if (alarm.name === TERMS_ALARM) void services.checkEndedTerms();
  });
  // A watch notification opens what changed.
  browser.notifications?.onClicked.addListener(() => {
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#partnerships') });
  });
  // "Show status on instagram.com": the chip's registration matches the setting on every start; listeners at the top
  // level so these events wake the worker. changeInfo.url is only given for tabs Collab Desk may read (instagram.com).
  void services.profileStatus.start();
  const followTab = (tabId: number, changeInfo: { url?: string }) => {
    if (changeInfo.url) void services.profileStatus.tabMoved(tabId, changeInfo.url);
  };
  // Firefox can filter the event to instagram.com addresses; Chrome's onUpdated takes no filter.
  if (import.meta.env.BROWSER === 'firefox') {
    // The polyfill's types omit Firefox's filter argument.
    const onUpdated = browser.tabs.onUpdated as unknown as { addListener(listener: typeof followTab, filter: object): void };
    onUpdated.addListener(followTab, { urls: [INSTAGRAM_ORIGIN], properties: ['url'] });
  } else browser.tabs.onUpdated.addListener(followTab);
  browser.tabs.onRemoved.addListener((tabId) => services.profileStatus.tabClosed(tabId));
  browser.permissions.onRemoved.addListener(({ origins }) => void services.profileStatus.accessRemoved(origins));
  browser.permissions.onAdded.addListener(() => void services.profileStatus.start());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });
});
