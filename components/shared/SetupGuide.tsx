import type { SettingsView } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { CopyButton } from './CopyButton';
import { rich } from './rich';

const META_APPS = 'https://developers.facebook.com/apps/';
const LOGIN_FOR_BUSINESS = 'https://developers.facebook.com/docs/facebook-login/facebook-login-for-business/';
const APP_ROLES = 'https://developers.facebook.com/docs/development/build-and-test/app-roles/';
const APP_REVIEW = 'https://developers.facebook.com/docs/resp-plat-initiatives/individual-processes/app-review/';

/** The permissions Collab Desk asks for (the login dialog's scope; also a Login for Business configuration's). */
const PERMISSIONS = ['pages_show_list', 'business_management', 'instagram_basic', 'instagram_branded_content_ads_brand'];

/**
 * What a new person needs to connect, with no README: shown instead of Connect until a Meta
 * app ID is set, in the dashboard (the popup points here: components/popup/SetupPointer.tsx).
 */
export function SetupGuide({ settings }: { settings: SettingsView }) {
  return (
    <section class="card" aria-labelledby="setup-heading">
      <h2 id="setup-heading">{t('setupHeading')}</h2>
      <p>{t('setupIntro')}</p>
      <ol class="setup-steps">
        <li>
          {rich(t('setupStepCreateApp'), {
            link: (
              <a href={META_APPS} target="_blank" rel="noopener noreferrer">
                {t('setupCreateAppLink')}
              </a>
            ),
          })}
          <ul>
            <li>{rich(t('setupStepConsumer'), { type: <strong>{t('commonAppTypeConsumer')}</strong> })}</li>
            <li>
              {rich(t('setupStepBusiness'), {
                type: <strong>{t('commonAppTypeBusiness')}</strong>,
                link: (
                  <a href={LOGIN_FOR_BUSINESS} target="_blank" rel="noopener noreferrer">
                    {t('setupLoginForBusinessLink')}
                  </a>
                ),
              })}
            </li>
          </ul>
        </li>
        <li>{rich(t('setupStepPermissions'), { permissions: <code>{PERMISSIONS.join(', ')}</code> })}</li>
        <li>
          {t('setupStepRedirectUri')}{' '}
          <span class="row">
            <code class="copyable">{settings.redirectUri}</code>
            <CopyButton text={settings.redirectUri} label={t('commonCopyRedirectUri')} />
          </span>
        </li>
        <li>
          {rich(t('setupStepTesters'), {
            testers: (
              <a href={APP_ROLES} target="_blank" rel="noopener noreferrer">
                {t('setupTestersLink')}
              </a>
            ),
            review: (
              <a href={APP_REVIEW} target="_blank" rel="noopener noreferrer">
                {t('setupAppReviewLink')}
              </a>
            ),
          })}
        </li>
        <li>
          {rich(t('setupStepPasteIds'), {
            appIdField: <strong>{t('settingsMetaAppId')}</strong>,
            configIdField: <strong>{t('settingsLoginConfigId')}</strong>,
          })}
        </li>
      </ol>
    </section>
  );
}
