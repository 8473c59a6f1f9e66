import { useCallback, useRef } from 'preact/hooks';
import { brandChoiceKeeper } from '@/utils/permissions/brand-choice';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import { useCachedData } from './use-cached-data';

/** Pages, tasks, token permissions and the chosen brand account, from the background's cache (`initial` paints first). */
export function useAccessOverview(initial?: Reply<'getAccessOverview'>) {
  // An overview asked before the background stored the person's pick must not undo it.
  const choice = useRef(brandChoiceKeeper()).current;
  const {
    data: snapshot,
    setData,
    ...rest
  } = useCachedData(
    {
      load: () => sendMessage('getAccessOverview', undefined).then(choice.asking()),
      refresh: () => sendMessage('refreshAccessOverview', undefined).then(choice.asking()),
      area: 'access',
    },
    [],
    initial,
  );

  const selectBrand = useCallback(async (igId: string) => {
    const stored = choice.choose(igId);
    setData((previous) => previous && { ...previous, selectedBrandIgId: igId });
    try {
      await sendMessage('selectBrand', { igId });
    } finally {
      stored();
    }
  }, []);

  return { snapshot, selectBrand, ...rest };
}
