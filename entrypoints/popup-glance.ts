import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFirstPaint, type FirstPaint, type FirstPaintApi } from './popup/first-paint';
import { paintGlance } from './popup/glance-paint';

declare global {
  interface Window {
    /** What popup-glance.js read for the app (popup-app.js), which renders from it. */
    collabDeskFirstPaint?: Promise<FirstPaint>;
  }
}

/**
 * The popup's first script, a few KB without Preact or the polyfill: it reads what the popup
 * paints first (entrypoints/popup/first-paint.ts), paints the open profile's status for the
 * chosen brand at once, then runs the app (popup-app.js, already fetched: popup/index.html
 * preloads it), which renders over the glance from the same reads.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const api = ((globalThis as { browser?: FirstPaintApi }).browser ?? (globalThis as { chrome?: FirstPaintApi }).chrome)!;
    const start = readFirstPaint(api, Date.now());
    window.collabDeskFirstPaint = start;
    const loadApp = () => {
      const script = document.createElement('script');
      script.src = '/popup-app.js';
      document.body.appendChild(script);
    };
    void start
      .then(async (found) => {
        // This script runs from the page's head: the body may still be on its way.
        if (document.readyState === 'loading')
          await new Promise((resolve) => addEventListener('DOMContentLoaded', resolve, { once: true }));
        const root = document.getElementById('glance');
        const message = (key: string) => api.i18n.getMessage(key);
        if (!root || !paintGlance(root, found, message)) return loadApp();
        document.documentElement.lang = message('@@ui_locale').replace('_', '-') || 'en';
        // The app runs once this frame is on screen: run sooner, it would hold the frame back by the time it takes.
        requestAnimationFrame(() => setTimeout(loadApp));
      })
      .catch(loadApp);
  },
});
