import { useEffect, useState } from 'preact/hooks';
import type { AuthState } from '@/utils/auth/auth-state';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage } from '@/utils/messaging/protocol';

/** The connection as the background sees it, kept current by background events; `initial` paints first (the popup's glance). */
export function useAuthState(initial?: AuthState): AuthState | undefined {
  const [state, setState] = useState<AuthState | undefined>(initial);
  useEffect(() => {
    void sendMessage('getAuthState', undefined).then(setState);
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'auth-changed') setState(event.state);
      if (event.type === 'events-resumed') void sendMessage('getAuthState', undefined).then(setState);
    });
  }, []);
  return state;
}
