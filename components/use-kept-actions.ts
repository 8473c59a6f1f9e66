import { useCallback, useEffect, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage } from '@/utils/messaging/protocol';
import type { PartnershipAction } from '@/utils/partnerships/actions';

/** Sends and revokes that could not finish and wait for the person to try again. */
export function useKeptActions() {
  const [actions, setActions] = useState<PartnershipAction[]>([]);
  const load = useCallback(() => {
    void sendMessage('listKeptActions', undefined).then(setActions, () => setActions([]));
  }, []);
  useEffect(() => {
    load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'auth-changed' || (event.type === 'data-changed' && event.area === 'partnerships')) load();
    });
  }, [load]);
  return actions;
}
