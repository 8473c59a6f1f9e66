import { useCallback, useEffect, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage } from '@/utils/messaging/protocol';
import type { KeptAction } from '@/utils/bulk/pipeline';

/** Sends and revokes that could not finish yet (jobs of one, waiting or paused); one being tried again stays listed until it settles. */
export function useKeptActions() {
  const [actions, setActions] = useState<KeptAction[]>([]);
  const load = useCallback(() => {
    void sendMessage('listKeptActions', undefined).then(setActions, () => setActions([]));
  }, []);
  useEffect(() => {
    load();
    return subscribeToBackgroundEvents((event) => {
      if (
        event.type === 'auth-changed' ||
        event.type === 'events-resumed' ||
        (event.type === 'job-progress' && event.progress.job.origin === 'single' && event.progress.job.state !== 'running')
      )
        load();
    });
  }, [load]);
  return actions;
}
