import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';

const RELOAD_EVERY_MS = 250;

/** The latest bulk job and its items, reloaded (at most four times a second) as it moves on. */
export function useBulkJob() {
  const [state, setState] = useState<Reply<'getBulkJob'>>(null);
  const [loaded, setLoaded] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    setState(await sendMessage('getBulkJob', {}));
    setLoaded(true);
  }, []);

  useEffect(() => {
    void load();
    const unsubscribe = subscribeToBackgroundEvents((event) => {
      if (event.type !== 'job-progress' || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void load();
      }, RELOAD_EVERY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
    };
  }, [load]);

  return { state, loaded, reload: load };
}
