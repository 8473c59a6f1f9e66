import type { SettingsView } from '@/utils/messaging/protocol';
import { CopyButton } from './CopyButton';

const META_APPS = 'https://developers.facebook.com/apps/';
const LOGIN_FOR_BUSINESS = 'https://developers.facebook.com/docs/facebook-login/facebook-login-for-business/';
const APP_ROLES = 'https://developers.facebook.com/docs/development/build-and-test/app-roles/';
const APP_REVIEW = 'https://developers.facebook.com/docs/resp-plat-initiatives/individual-processes/app-review/';

/** The permissions Collab Desk asks for (the login dialog's scope; also a Login for Business configuration's). */
const PERMISSIONS = ['pages_show_list', 'business_management', 'instagram_basic', 'instagram_branded_content_ads_brand'];

/**
 * What a new person needs to connect, with no README: shown instead of Connect until a Meta
 * app ID is set, in the dashboard and (shorter) in the popup.
 */
export function SetupGuide({ settings, compact = false }: { settings: SettingsView; compact?: boolean }) {
  if (compact) {
    return (
      <section class="card" aria-labelledby="setup-heading">
        <h2 id="setup-heading">Set up Collab Desk</h2>
        <p>
          Collab Desk signs in through a Meta app of your own. Creating one takes a few minutes, and the dashboard guides you step by step.
        </p>
        <p>
          <a href="/options.html#settings" target="_blank" rel="noopener">
            Open the setup guide
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="setup-heading">
      <h2 id="setup-heading">Set up Collab Desk</h2>
      <p>Collab Desk signs in through a Meta app of your own, so your data goes only between your browser and Meta. Five steps:</p>
      <ol class="setup-steps">
        <li>
          <a href={META_APPS} target="_blank" rel="noopener noreferrer">
            Create a Meta app
          </a>{' '}
          at developers.facebook.com. Either type works:
          <ul>
            <li>
              <strong>Consumer</strong>: add the Facebook Login product. Collab Desk asks for each permission itself.
            </li>
            <li>
              <strong>Business</strong>: add{' '}
              <a href={LOGIN_FOR_BUSINESS} target="_blank" rel="noopener noreferrer">
                Facebook Login for Business
              </a>{' '}
              and create a configuration (user access token, the permissions below). You will paste its ID as the Login configuration ID.
            </li>
          </ul>
        </li>
        <li>
          The app needs these permissions: <code>{PERMISSIONS.join(', ')}</code>.
        </li>
        <li>
          In the app's login settings, add this to Valid OAuth Redirect URIs:{' '}
          <span class="row">
            <code class="copyable">{settings.redirectUri}</code>
            <CopyButton text={settings.redirectUri} label="Copy redirect URI" />
          </span>
        </li>
        <li>
          Add the people who will use Collab Desk as{' '}
          <a href={APP_ROLES} target="_blank" rel="noopener noreferrer">
            testers of the app
          </a>
          , or take the permissions through{' '}
          <a href={APP_REVIEW} target="_blank" rel="noopener noreferrer">
            App Review
          </a>
          .
        </li>
        <li>
          Paste the app's App ID in the Settings view under <strong>Meta app ID</strong> (and, for a Business app, the configuration ID
          under <strong>Login configuration ID</strong>), then Save. Connect with Facebook then appears here.
        </li>
      </ol>
    </section>
  );
}
