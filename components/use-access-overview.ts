import { useCallback } from 'preact/hooks';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import { useCachedData } from './use-cached-data';

/** Pages, tasks, token permissions and the chosen brand account, from the background's cache (`initial` paints first). */
export function useAccessOverview(initial?: Reply<'getAccessOverview'>) {
  const {
    data: snapshot,
    setData,
    ...rest
  } = useCachedData(
    {
      load: () => sendMessage('getAccessOverview', undefined),
      refresh: () => sendMessage('refreshAccessOverview', undefined),
      area: 'access',
    },
    [],
    initial,
  );

  const selectBrand = useCallback(async (igId: string) => {
    setData((previous) => previous && { ...previous, selectedBrandIgId: igId });
    await sendMessage('selectBrand', { igId });
  }, []);

  return { snapshot, selectBrand, ...rest };
}
