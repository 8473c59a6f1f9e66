import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from '@/utils/browser';

/**
 * Test builds only (COLLAB_DESK_TEST_BUILD=1): a content script on instagram.com that relays
 * requests from the page to the background, so tests can prove the background refuses them.
 */
export default defineContentScript({
  matches: ['https://www.instagram.com/*'],
  main() {
    window.addEventListener('message', async (event) => {
      if (event.source !== window || event.data?.source !== 'collab-desk-probe-request') return;
      const { type, data } = event.data as { type: string; data: unknown };
      let reply: unknown;
      try {
        reply = { response: await browser.runtime.sendMessage({ collabDesk: 1, type, data }) };
      } catch (error) {
        reply = { error: error instanceof Error ? error.message : String(error) };
      }
      window.postMessage({ source: 'collab-desk-probe-reply', reply }, '*');
    });
  },
});
