import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type SettingsView as Settings } from '@/utils/messaging/protocol';
import { AboutLinks } from './AboutLinks';
import { CopyButton } from './CopyButton';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';

/** The Meta app to log in with, and the redirect URI to register in it. */
export function SettingsView() {
  const [settings, setSettings] = useState<Settings>();
  const [appId, setAppId] = useState('');
  const [configId, setConfigId] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void sendMessage('getSettings', undefined).then((loaded) => {
      setSettings(loaded);
      setAppId(loaded.metaAppId);
      setConfigId(loaded.loginConfigId);
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    const updated = await run(() => sendMessage('saveSettings', { metaAppId: appId, loginConfigId: configId }));
    if (updated) {
      setSettings(updated);
      setSaved(true);
    }
  }

  if (!settings) return <p class="muted">Loading settings…</p>;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form class="card" onSubmit={save}>
        <div class="field">
          <label for="meta-app-id">Meta app ID</label>
          <input
            id="meta-app-id"
            inputMode="numeric"
            autoComplete="off"
            value={appId}
            onInput={(event) => setAppId(event.currentTarget.value)}
            placeholder={settings.effectiveMetaAppId || 'e.g. 1234567890123456'}
          />
          <p class="muted">
            {settings.metaAppId
              ? 'Collab Desk logs in with this app.'
              : settings.effectiveMetaAppId
                ? `Empty: the app this build came with (${settings.effectiveMetaAppId}) is used.`
                : 'Create an app at developers.facebook.com with Facebook Login, then paste its App ID here.'}
          </p>
        </div>
        <div class="field">
          <label for="login-config-id">Login configuration ID</label>
          <input
            id="login-config-id"
            inputMode="numeric"
            autoComplete="off"
            value={configId}
            onInput={(event) => setConfigId(event.currentTarget.value)}
            placeholder={settings.effectiveLoginConfigId || 'Empty for a Consumer-type app'}
            aria-describedby="login-config-help"
          />
          <div id="login-config-help" class="muted">
            <p>Which one your app needs depends on its type:</p>
            <ul>
              <li>
                <strong>Consumer</strong> app (Facebook Login): leave this empty. Collab Desk asks for each permission itself.
              </li>
              <li>
                <strong>Business</strong> app (Facebook Login for Business): in the app dashboard, under Facebook Login for Business,
                Configurations, create one with a user access token and the permissions pages_show_list, business_management,
                instagram_basic and instagram_branded_content_ads_brand, then paste its ID here. Without it Facebook says the app is not
                available. A configuration grants all of its permissions or none.
              </li>
            </ul>
            {!settings.loginConfigId && settings.effectiveLoginConfigId && (
              <p>Empty: the configuration this build came with ({settings.effectiveLoginConfigId}) is used.</p>
            )}
          </div>
        </div>
        <div class="row">
          <button type="submit" disabled={busy}>
            Save
          </button>
        </div>
        {saved && (
          <p class="notice ok" role="status">
            Saved.
          </p>
        )}
        <ErrorNotice error={error} />
        <div class="field">
          <h3 id="redirect-label" class="field-label">
            Redirect URI for your Meta app
          </h3>
          <p class="muted">In the app's Facebook Login settings, add this to "Valid OAuth Redirect URIs":</p>
          <div class="row">
            <code class="copyable">{settings.redirectUri}</code>
            <CopyButton text={settings.redirectUri} label="Copy redirect URI" />
          </div>
        </div>
        <p class="muted">
          Graph API: {settings.graphOrigin} ({settings.graphApiVersion})
        </p>
        <AboutLinks />
      </form>
    </section>
  );
}
