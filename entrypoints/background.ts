import { createHandlers } from '@/utils/background/handlers';
import { createServices } from '@/utils/background/services';
import { serveProtocol } from '@/utils/messaging/serve';

export default defineBackground(() => {
  const services = createServices();
  serveProtocol(createHandlers(services));
  void services.partnerships.recoverInterrupted();

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });
});
