import { browser } from 'wxt/browser';

/** The version, the privacy policy and the setup guide, shown in Settings and the popup's footer. */
export function AboutLinks() {
  return (
    <p class="muted about-links">
      Collab Desk {browser.runtime.getManifest().version} ·{' '}
      <a href="/privacy.html" target="_blank" rel="noopener">
        Privacy policy
      </a>{' '}
      ·{' '}
      <a href="/options.html#help" target="_blank" rel="noopener">
        Help
      </a>
    </p>
  );
}
