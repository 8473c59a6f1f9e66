import { useEffect, useState } from 'preact/hooks';
import { browser } from '@/utils/browser';
import { t } from '@/utils/i18n';
import { sendMessage, type ProfileStatusSettingView } from '@/utils/messaging/protocol';
import { INSTAGRAM_ORIGIN } from '@/utils/profile-status/instagram-origin';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';

/**
 * Settings: "Show status on instagram.com", off until the person turns it on. Turning it on
 * asks the browser for instagram.com (from the click itself, which the browser requires),
 * unless the build holds it from install; the background gives it back when turned off.
 */
export function InstagramStatusSettings() {
  const [view, setView] = useState<ProfileStatusSettingView>();
  const [refused, setRefused] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    const load = () => void sendMessage('getProfileStatusSetting', undefined).then(setView);
    load();
    // Access taken away in the browser's own settings turns the feature off: the box follows.
    browser.permissions.onRemoved.addListener(load);
    return () => browser.permissions.onRemoved.removeListener(load);
  }, []);

  if (!view) return null;

  async function save(enabled: boolean) {
    const before = view!;
    setRefused(false);
    // The box shows the person's choice at once; the browser's and the background's answers follow (or put it back).
    setView({ ...before, enabled, removedByBrowser: false });
    if (enabled && !before.buildHoldsAccess) {
      const allowed = await browser.permissions.request({ origins: [INSTAGRAM_ORIGIN] }).catch(() => false);
      if (!allowed) {
        setView(before);
        setRefused(true);
        return;
      }
    }
    const updated = await run(() => sendMessage('saveProfileStatusSetting', { enabled }));
    setView(updated ?? before);
  }

  return (
    <section class="card" aria-labelledby="instagram-status-heading">
      <h3 id="instagram-status-heading">{t('settingsInstagramHeading')}</h3>
      <div class="field checkbox">
        <input
          id="instagram-status-enabled"
          type="checkbox"
          checked={view.enabled}
          disabled={busy}
          onChange={(event) => void save(event.currentTarget.checked)}
          aria-describedby="instagram-status-help"
        />
        <label for="instagram-status-enabled">{t('settingsInstagramEnabled')}</label>
      </div>
      <p id="instagram-status-help" class="muted">
        {t('settingsInstagramHelp')}
      </p>
      {view.buildHoldsAccess && <p class="muted">{t('settingsInstagramBuildHolds')}</p>}
      {refused && (
        <p class="notice info" role="status">
          {t('settingsInstagramRefused')}
        </p>
      )}
      {!view.enabled && view.removedByBrowser && (
        <p class="notice info" role="status">
          {t('settingsInstagramRemoved')}
        </p>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
