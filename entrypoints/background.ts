import { createHandlers } from '@/utils/background/handlers';
import { createServices, JOB_ALARM } from '@/utils/background/services';
import { serveProtocol } from '@/utils/messaging/serve';
import * as z from 'zod/mini';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';

// Validation without code generation: extension pages' CSP forbids eval, and stores flag it.
z.config({ jitless: true });

export default defineBackground(() => {
  const services = createServices();
  serveProtocol(createHandlers(services));
  // The worker may have been stopped mid-job: settle what was on its way, run what is due, schedule the rest.
  void services.runner.recover();
  void services.showBadge();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOB_ALARM) void services.runner.kick();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });
});
