import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import type { BackgroundEvent, DataArea } from '@/utils/messaging/protocol';
import { toActionError, type ActionError } from './use-action';

interface CachedDataSource<T> {
  /** The background's cached copy (it refreshes a stale one behind it). */
  load: () => Promise<T & { refreshing: boolean }>;
  /** A fresh copy from Meta, on the person's request. */
  refresh: () => Promise<T>;
  area: DataArea;
  /** Set for partnerships: only this brand's events count. */
  brandIgId?: string;
  /** Every brand's events count (the dashboard's All brands). */
  anyBrand?: boolean;
}

/**
 * Data shown from the background's cache at once; a newer copy arrives by event when the
 * cached one was stale, and a failed refresh shows its reason over the data already shown.
 * With no source (nothing to show yet), nothing is asked. `initial` (the popup's glance, read
 * from IndexedDB directly) is shown until the background answers.
 */
export function useCachedData<T>(source: CachedDataSource<T> | undefined, dependencies: unknown[], initial?: T) {
  const [data, setData] = useState<T | undefined>(initial);
  const shownInitial = useRef(initial !== undefined);
  const [error, setError] = useState<ActionError>();
  const [refreshing, setRefreshing] = useState(false);

  const load = useCallback(async () => {
    if (!source) return;
    try {
      const loaded = await source.load();
      setData(loaded);
      setRefreshing(loaded.refreshing);
      setError(undefined);
    } catch (caught) {
      setError(toActionError(caught));
    }
  }, dependencies);

  const refresh = useCallback(async () => {
    if (!source) return;
    setRefreshing(true);
    try {
      setData(await source.refresh());
      setError(undefined);
    } catch (caught) {
      setError(toActionError(caught));
    } finally {
      setRefreshing(false);
    }
  }, dependencies);

  useEffect(() => {
    // A glance painted first stays until the background's copy replaces it; other sources start empty.
    if (!shownInitial.current) setData(undefined);
    shownInitial.current = false;
    void load();
    const concerns = (event: BackgroundEvent) =>
      'area' in event && event.area === source?.area && (source.anyBrand || event.brandIgId === source.brandIgId);
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'auth-changed' || event.type === 'events-resumed' || (event.type === 'data-changed' && concerns(event)))
        void load();
      if (event.type === 'refresh-failed' && concerns(event)) {
        setRefreshing(false);
        setError(event.error);
      }
    });
  }, [load]);

  return { data, setData, error, refreshing, refresh, reload: load };
}
