import { useState } from 'preact/hooks';
import type { AuthState } from '@/utils/auth/auth-state';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from './ErrorNotice';
import { describeExpiry } from './format';
import { SetupGuide } from './SetupGuide';
import { useAction } from './use-action';
import { useSettings } from './use-settings';

/** Connect / Disconnect, who is connected and until when. */
export function ConnectionPanel({ state, compact = false }: { state: AuthState | undefined; compact?: boolean }) {
  const { busy, error, run } = useAction();
  const [deauthorize, setDeauthorize] = useState(false);
  const settings = useSettings();

  if (!state || (!settings && state.status !== 'signed-in')) return <p class="muted">Checking your connection…</p>;
  // Until there is a Meta app to log in with, Connect could only fail: the guide comes first.
  if (state.status !== 'signed-in' && settings && !settings.effectiveMetaAppId) return <SetupGuide settings={settings} compact={compact} />;

  if (state.status === 'signed-in') {
    return (
      <section class="card" aria-label="Facebook connection">
        <p>
          <span class="status-dot on" aria-hidden="true" />
          Connected as <strong>{state.user.name}</strong>
        </p>
        <p class="muted">Session valid until {describeExpiry(state.expiresAt)}</p>
        {!compact && (
          <div class="row">
            <button type="button" disabled={busy} onClick={() => run(() => sendMessage('refreshProfile', undefined))}>
              Check connection
            </button>
            <button type="button" class="danger" disabled={busy} onClick={() => run(() => sendMessage('disconnect', { deauthorize }))}>
              Disconnect
            </button>
            <label class="row muted" style={{ fontWeight: 'normal', margin: 0 }}>
              <input type="checkbox" checked={deauthorize} onChange={(event) => setDeauthorize(event.currentTarget.checked)} />
              Also remove Collab Desk from my Facebook account
            </label>
          </div>
        )}
        <ErrorNotice error={error} />
      </section>
    );
  }

  return (
    <section class="card" aria-label="Facebook connection">
      {state.status === 'expired' ? (
        <p role="status">
          <span class="status-dot warn" aria-hidden="true" />
          Your Facebook session for <strong>{state.user.name}</strong> has expired. Connect again to continue.
        </p>
      ) : (
        <p>
          <span class="status-dot" aria-hidden="true" />
          Not connected. Collab Desk needs your Facebook login to see your Pages and brand accounts.
        </p>
      )}
      <button type="button" class="primary" disabled={busy} onClick={() => run(() => sendMessage('connect', {}))}>
        {busy ? 'Waiting for Facebook…' : 'Connect with Facebook'}
      </button>
      <ErrorNotice error={error} />
      {error?.kind === 'missing-app-id' && compact && (
        <p>
          <a href="/options.html#settings" target="_blank" rel="noopener">
            Open Settings
          </a>
        </p>
      )}
    </section>
  );
}
