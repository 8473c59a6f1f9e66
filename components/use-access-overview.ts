import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '@/utils/errors';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import type { ActionError } from './use-action';

type Snapshot = Reply<'getAccessOverview'>;

/**
 * Pages, tasks and token permissions: shown from the background's cache at once; a newer
 * copy arrives by event when the cached one was stale.
 */
export function useAccessOverview() {
  const [snapshot, setSnapshot] = useState<Snapshot>();
  const [error, setError] = useState<ActionError>();
  const [refreshing, setRefreshing] = useState(false);

  const load = useCallback(async () => {
    try {
      const loaded = await sendMessage('getAccessOverview', undefined);
      setSnapshot(loaded);
      setRefreshing(loaded.refreshing);
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, []);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const fresh = await sendMessage('refreshAccessOverview', undefined);
      setSnapshot((previous) => ({ ...fresh, selectedBrandIgId: previous?.selectedBrandIgId ?? '' }));
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setRefreshing(false);
    }
  }, []);

  useEffect(() => {
    void load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'auth-changed' || (event.type === 'data-changed' && event.area === 'access')) void load();
      if (event.type === 'refresh-failed' && event.area === 'access') {
        setRefreshing(false);
        setError(event.error);
      }
    });
  }, [load]);

  const selectBrand = useCallback(async (igId: string) => {
    setSnapshot((previous) => previous && { ...previous, selectedBrandIgId: igId });
    await sendMessage('selectBrand', { igId });
  }, []);

  return { snapshot, error, refreshing, refresh, selectBrand };
}
