import { createHandlers } from '@/utils/background/handlers';
import { BULK_ALARM, createServices } from '@/utils/background/services';
import { serveProtocol } from '@/utils/messaging/serve';

export default defineBackground(() => {
  const services = createServices();
  serveProtocol(createHandlers(services));
  // The worker may have been stopped mid-action: settle what was on its way and go on.
  void services.partnerships.recoverInterrupted();
  void services.bulk.recover();

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BULK_ALARM) void services.bulk.kick();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });
});
