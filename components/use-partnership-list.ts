import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '@/utils/errors';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import type { ActionError } from './use-action';

/** A brand's permissions: from the cache at once, newer copies by event. */
export function usePartnershipList(brandIgId: string | undefined) {
  const [list, setList] = useState<Reply<'listPartnerships'>>();
  const [error, setError] = useState<ActionError>();
  const [refreshing, setRefreshing] = useState(false);

  const load = useCallback(async () => {
    if (!brandIgId) return;
    try {
      const loaded = await sendMessage('listPartnerships', { brandIgId });
      setList(loaded);
      setRefreshing(loaded.refreshing);
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [brandIgId]);

  const refresh = useCallback(async () => {
    if (!brandIgId) return;
    setRefreshing(true);
    try {
      setList(await sendMessage('refreshPartnerships', { brandIgId }));
      setError(undefined);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setRefreshing(false);
    }
  }, [brandIgId]);

  useEffect(() => {
    setList(undefined);
    void load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'auth-changed') void load();
      if (event.type === 'data-changed' && event.area === 'partnerships' && event.brandIgId === brandIgId) void load();
      if (event.type === 'refresh-failed' && event.area === 'partnerships' && event.brandIgId === brandIgId) {
        setRefreshing(false);
        setError(event.error);
      }
    });
  }, [brandIgId, load]);

  return { list, error, refreshing, refresh, setError };
}
