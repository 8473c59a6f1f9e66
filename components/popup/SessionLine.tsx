import type { AuthState } from '@/utils/auth/auth-state';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';
import { rich } from '../shared/rich';

/** The popup's foot: who is connected, and Disconnect. Small: the glance above is what the popup is for. */
export function SessionLine({ state }: { state: Extract<AuthState, { status: 'signed-in' }> }) {
  const { busy, error, run } = useAction();
  return (
    <div class="session-line">
      <p class="muted">
        <span class="status-dot on" aria-hidden="true" />
        {rich(t('connectionConnectedAs'), { name: <strong>{state.user.name}</strong> })}{' '}
        <button type="button" class="link" disabled={busy} onClick={() => run(() => sendMessage('disconnect', { deauthorize: false }))}>
          {t('connectionDisconnect')}
        </button>
      </p>
      <ErrorNotice error={error} />
    </div>
  );
}
