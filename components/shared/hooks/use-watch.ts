import { useEffect, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type WatchView } from '@/utils/messaging/protocol';

/** The approvals watch as the background has it, kept current by its events. */
export function useWatch() {
  const [watch, setWatch] = useState<WatchView>();
  useEffect(() => {
    const load = () => void sendMessage('getWatch', undefined).then(setWatch, () => undefined);
    load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'auth-changed' || event.type === 'events-resumed' || (event.type === 'data-changed' && event.area === 'watch'))
        load();
    });
  }, []);
  return { watch, setWatch };
}
