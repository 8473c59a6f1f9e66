import { browser, type Browser } from 'wxt/browser';
import { EVENTS_PORT, type BackgroundEvent } from './protocol';
import { isTrustedSender } from './trusted-sender';

/** Background side: keeps the open pages' ports and pushes events to all of them. */
export function createEventHub() {
  const ports = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    const origin = new URL(browser.runtime.getURL('/')).origin;
    if (port.name !== EVENTS_PORT || !isTrustedSender(port.sender, browser.runtime.id, origin)) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return {
    broadcast(event: BackgroundEvent): void {
      for (const port of ports) port.postMessage(event);
    },
  };
}

/** Page side: listens to background events, reconnecting when the service worker restarts. */
export function subscribeToBackgroundEvents(listener: (event: BackgroundEvent) => void): () => void {
  let closed = false;
  let port: Browser.runtime.Port | undefined;
  const open = () => {
    port = browser.runtime.connect({ name: EVENTS_PORT });
    port.onMessage.addListener((event) => listener(event as BackgroundEvent));
    port.onDisconnect.addListener(() => {
      if (!closed) setTimeout(open, 500);
    });
  };
  open();
  return () => {
    closed = true;
    port?.disconnect();
  };
}
