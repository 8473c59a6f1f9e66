import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { AuthState } from '@/utils/auth/auth-state';
import type { SettingsView } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from './ErrorNotice';
import { describeExpiry } from './format';
import { rich } from './rich';
import { useAction } from './hooks/use-action';
import { useSettings } from './hooks/use-settings';

/**
 * Connect / Disconnect, who is connected and until when. Until a Meta app ID is set, `guide`
 * shows instead of Connect: the whole setup guide on the dashboard, a pointer to it in the
 * popup (which so does not carry the guide's code).
 */
export function ConnectionPanel({
  state,
  guide,
  compact = false,
}: {
  state: AuthState | undefined;
  guide: (settings: SettingsView) => ComponentChild;
  compact?: boolean;
}) {
  const { busy, error, run } = useAction();
  const [deauthorize, setDeauthorize] = useState(false);
  const settings = useSettings();

  if (!state || (!settings && state.status !== 'signed-in')) return <p class="muted">{t('connectionChecking')}</p>;
  // Until there is a Meta app to log in with, Connect could only fail: the guide comes first.
  if (state.status !== 'signed-in' && settings && !settings.effectiveMetaAppId) return guide(settings);

  if (state.status === 'signed-in') {
    return (
      <section class="card" aria-label={t('connectionLabel')}>
        <p>
          <span class="status-dot on" aria-hidden="true" />
          {rich(t('connectionConnectedAs'), { name: <strong>{state.user.name}</strong> })}
        </p>
        <p class="muted">{describeExpiry(state.expiresAt)}</p>
        {!compact && (
          <div class="row">
            <button type="button" disabled={busy} onClick={() => run(() => sendMessage('refreshProfile', undefined))}>
              {t('connectionCheck')}
            </button>
            <button type="button" class="danger" disabled={busy} onClick={() => run(() => sendMessage('disconnect', { deauthorize }))}>
              {t('connectionDisconnect')}
            </button>
            <label class="row muted" style={{ fontWeight: 'normal', margin: 0 }}>
              <input type="checkbox" checked={deauthorize} onChange={(event) => setDeauthorize(event.currentTarget.checked)} />
              {t('connectionDeauthorize')}
            </label>
          </div>
        )}
        <ErrorNotice error={error} />
      </section>
    );
  }

  return (
    <section class="card" aria-label={t('connectionLabel')}>
      {state.status === 'expired' ? (
        <p role="status">
          <span class="status-dot warn" aria-hidden="true" />
          {rich(t('connectionExpired'), { name: <strong>{state.user.name}</strong> })}
        </p>
      ) : (
        <p>
          <span class="status-dot" aria-hidden="true" />
          {t('connectionNotConnected')}
        </p>
      )}
      <button type="button" class="primary" disabled={busy} onClick={() => run(() => sendMessage('connect', {}))}>
        {busy ? t('connectionWaiting') : t('connectionConnect')}
      </button>
      <ErrorNotice error={error} />
      {error?.kind === 'missing-app-id' && compact && (
        <p>
          <a href="/options.html#settings" target="_blank" rel="noopener">
            {t('connectionOpenSettings')}
          </a>
        </p>
      )}
    </section>
  );
}
