import { t } from '@/utils/i18n';

/** Until a Meta app ID is set, the popup points to the setup guide on the dashboard instead of offering Connect. */
export function SetupPointer() {
  return (
    <section class="card" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('setupHeading')}</h2>
      <p>{t('setupCompactIntro')}</p>
      <p>
        <a href="/options.html#settings" target="_blank" rel="noopener">
          {t('setupOpenGuide')}
        </a>
      </p>
    </section>
  );
}
