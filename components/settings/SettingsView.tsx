import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage, type SettingsView as Settings } from '@/utils/messaging/protocol';
import { AboutLinks } from '../shared/AboutLinks';
import { CopyButton } from '../shared/CopyButton';
import { ErrorNotice } from '../shared/ErrorNotice';
import { rich } from '../shared/rich';
import { useAction } from '../shared/hooks/use-action';
import { WatchSettings } from './WatchSettings';
import { NotesSettings } from './NotesSettings';
import { InstagramStatusSettings } from './InstagramStatusSettings';

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

  if (!settings) return <p class="muted">{t('settingsLoading')}</p>;
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settingsHeading')}</h2>
      <form class="card" onSubmit={save}>
        <div class="field">
          <label for="meta-app-id">{t('settingsMetaAppId')}</label>
          <input
            id="meta-app-id"
            inputMode="numeric"
            autoComplete="off"
            value={appId}
            onInput={(event) => setAppId(event.currentTarget.value)}
            placeholder={settings.effectiveMetaAppId || t('settingsMetaAppIdPlaceholder')}
          />
          <p class="muted">
            {settings.metaAppId
              ? t('settingsMetaAppIdInUse')
              : settings.effectiveMetaAppId
                ? t('settingsMetaAppIdBuiltIn', { appId: settings.effectiveMetaAppId })
                : t('settingsMetaAppIdHelp')}
          </p>
        </div>
        <div class="field">
          <label for="login-config-id">{t('settingsLoginConfigId')}</label>
          <input
            id="login-config-id"
            inputMode="numeric"
            autoComplete="off"
            value={configId}
            onInput={(event) => setConfigId(event.currentTarget.value)}
            placeholder={settings.effectiveLoginConfigId || t('settingsLoginConfigIdPlaceholder')}
            aria-describedby="login-config-help"
          />
          <div id="login-config-help" class="muted">
            <p>{t('settingsLoginConfigIntro')}</p>
            <ul>
              <li>{rich(t('settingsLoginConfigConsumer'), { type: <strong>{t('commonAppTypeConsumer')}</strong> })}</li>
              <li>{rich(t('settingsLoginConfigBusiness'), { type: <strong>{t('commonAppTypeBusiness')}</strong> })}</li>
            </ul>
            {!settings.loginConfigId && settings.effectiveLoginConfigId && (
              <p>{t('settingsLoginConfigBuiltIn', { configId: settings.effectiveLoginConfigId })}</p>
            )}
          </div>
        </div>
        <div class="row">
          <button type="submit" disabled={busy}>
            {t('settingsSave')}
          </button>
        </div>
        {saved && (
          <p class="notice ok" role="status">
            {t('settingsSaved')}
          </p>
        )}
        <ErrorNotice error={error} />
        <div class="field">
          <h3 id="redirect-label" class="field-label">
            {t('settingsRedirectUriHeading')}
          </h3>
          <p class="muted">{t('settingsRedirectUriHelp')}</p>
          <div class="row">
            <code class="copyable">{settings.redirectUri}</code>
            <CopyButton text={settings.redirectUri} label={t('commonCopyRedirectUri')} />
          </div>
        </div>
        <p class="muted">{t('settingsGraphApi', { origin: settings.graphOrigin, version: settings.graphApiVersion })}</p>
        <AboutLinks />
      </form>
      <WatchSettings />
      <InstagramStatusSettings />
      <NotesSettings />
    </section>
  );
}
