import { browser, type Browser } from '@/utils/browser';
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

const pageListeners = new Set<(event: BackgroundEvent) => void>();
let pagePort: Browser.runtime.Port | undefined;
let connectedBefore = false;

/**
 * Opens the page's one events port (again, after the service worker restarted) while anyone
 * listens. After a reconnection the listeners hear `events-resumed`: events may have been
 * lost while the worker was stopped, so they load afresh.
 */
function connectPagePort(): void {
  if (pagePort || pageListeners.size === 0) return;
  const port = browser.runtime.connect({ name: EVENTS_PORT });
  pagePort = port;
  if (connectedBefore) for (const listener of [...pageListeners]) listener({ type: 'events-resumed' });
  connectedBefore = true;
  port.onMessage.addListener((event) => {
    for (const listener of [...pageListeners]) listener(event as BackgroundEvent);
  });
  port.onDisconnect.addListener(() => {
    if (pagePort === port) pagePort = undefined;
    setTimeout(connectPagePort, 500);
  });
}

/** Page side: listens to background events over one shared port per page. */
export function subscribeToBackgroundEvents(listener: (event: BackgroundEvent) => void): () => void {
  pageListeners.add(listener);
  connectPagePort();
  return () => {
    pageListeners.delete(listener);
    if (pageListeners.size === 0) {
      pagePort?.disconnect();
      pagePort = undefined;
    }
  };
}
