import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type SettingsView as Settings } from '@/utils/messaging/protocol';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';

/** The Meta app to log in with, and the redirect URI to register in it. */
export function SettingsView() {
  const [settings, setSettings] = useState<Settings>();
  const [appId, setAppId] = useState('');
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    void sendMessage('getSettings', undefined).then((loaded) => {
      setSettings(loaded);
      setAppId(loaded.metaAppId);
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    const updated = await run(() => sendMessage('saveSettings', { metaAppId: appId }));
    if (updated) {
      setSettings(updated);
      setSaved(true);
    }
  }

  async function copyRedirectUri() {
    if (!settings) return;
    await navigator.clipboard.writeText(settings.redirectUri);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  if (!settings) return <p class="muted">Loading settings…</p>;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form class="card" onSubmit={save}>
        <div class="field">
          <label for="meta-app-id">Meta app ID</label>
          <div class="row">
            <input id="meta-app-id" inputMode="numeric" autoComplete="off" value={appId} onInput={(event) => setAppId(event.currentTarget.value)} placeholder={settings.effectiveMetaAppId || 'e.g. 1234567890123456'} />
            <button type="submit" disabled={busy}>
              Save
            </button>
          </div>
          <p class="muted">
            {settings.metaAppId
              ? 'Collab Desk logs in with this app.'
              : settings.effectiveMetaAppId
                ? `Empty: the app this build came with (${settings.effectiveMetaAppId}) is used.`
                : 'Create an app at developers.facebook.com with Facebook Login, then paste its App ID here.'}
          </p>
          {saved && (
            <p class="notice ok" role="status">
              Saved.
            </p>
          )}
          <ErrorNotice error={error} />
        </div>
        <div class="field">
          <label id="redirect-label">Redirect URI for your Meta app</label>
          <p class="muted">In the app's Facebook Login settings, add this to "Valid OAuth Redirect URIs":</p>
          <div class="row">
            <code class="copyable" aria-labelledby="redirect-label">
              {settings.redirectUri}
            </code>
            <button type="button" onClick={copyRedirectUri}>
              {copied ? 'Copied' : 'Copy redirect URI'}
            </button>
          </div>
        </div>
        <p class="muted">
          Graph API: {settings.graphOrigin} ({settings.graphApiVersion})
        </p>
      </form>
    </section>
  );
}
