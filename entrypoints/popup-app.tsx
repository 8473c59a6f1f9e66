import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import '@/components/shared/theme.css';
import './popup/popup.css';
import { applyPageLanguage } from '@/utils/i18n';
import { App } from './popup/App';
import { firstPaint } from './popup/first-paint';

/**
 * The popup's code, built as one classic script (popup/index.html loads it, with its CSS):
 * it starts about 20 ms sooner than the same code as a graph of module chunks, which is most
 * of what stands between opening the popup and the cached status. Its few lazy parts are
 * inlined, and the whole still weighs less than the chunks did (docs/benchmarks.md).
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    // The reads first: the first paint waits only for what the browser already holds, never for the service worker.
    const start = firstPaint();
    applyPageLanguage();
    void start.then((found) => render(<App start={found} />, document.getElementById('app')!));
  },
});
