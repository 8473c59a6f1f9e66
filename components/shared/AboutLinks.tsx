import { browser } from '@/utils/browser';
import { t } from '@/utils/i18n';

/** The version, the privacy policy and the setup guide, shown in Settings and the popup's footer. */
export function AboutLinks() {
  return (
    <p class="muted about-links">
      {t('commonVersion', { version: browser.runtime.getManifest().version })} ·{' '}
      <a href="/privacy.html" target="_blank" rel="noopener">
        {t('commonPrivacyPolicy')}
      </a>{' '}
      ·{' '}
      <a href="/options.html#help" target="_blank" rel="noopener">
        {t('commonHelp')}
      </a>
    </p>
  );
}
