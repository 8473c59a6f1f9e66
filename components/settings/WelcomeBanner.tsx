import { rich } from '@/components/shared/rich';
import { useSettings } from '@/components/shared/hooks/use-settings';
import { t } from '@/utils/i18n';

/** Shown once, when the dashboard opens right after install. */
export function WelcomeBanner() {
  const settings = useSettings();
  return (
    <section class="card notice info welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('dashboardWelcomeHeading')}</h2>
      {settings?.effectiveMetaAppId ? (
        <p>{t('dashboardWelcomeBuiltInApp', { appId: settings.effectiveMetaAppId })}</p>
      ) : (
        <p>{t('dashboardWelcomeOwnApp')}</p>
      )}
      <p>
        {rich(t('dashboardWelcomePrivacy'), {
          link: (
            <a href="/privacy.html" target="_blank" rel="noopener">
              {t('dashboardWelcomePrivacyLink')}
            </a>
          ),
        })}
      </p>
    </section>
  );
}
