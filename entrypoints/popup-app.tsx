import { render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import '@/components/shared/theme.css';
import './popup/popup.css';
import { applyPageLanguage } from '@/utils/i18n';
import { App } from './popup/App';

/**
 * The popup's app, built as one classic script and run by popup-glance.js (popup/index.html
 * loads that first, with this file's CSS and a preload of it) once the glance is painted:
 * it renders from what that script read, then the background keeps it current.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    applyPageLanguage();
    void window.collabDeskFirstPaint!.then((start) => {
      render(<App start={start} />, document.getElementById('app')!);
      // In the same task as the first render, so no frame shows both or neither.
      document.getElementById('glance')?.remove();
    });
  },
});
