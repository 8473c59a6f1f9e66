import { useCallback, useState } from 'preact/hooks';
import { brandChoiceKeeper } from '@/utils/permissions/brand-choice';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import { toActionError, type ActionError } from './use-action';
import { useCachedData } from './use-cached-data';

/**
 * One for the page: the background keeps one chosen brand, so an overview asked by any view
 * before it stored the person's pick must not undo it (a view opened just after the pick too).
 */
const choice = brandChoiceKeeper();

/** Pages, tasks, token permissions and the chosen brand account, from the background's cache (`initial` paints first). */
export function useAccessOverview(initial?: Reply<'getAccessOverview'>) {
  const [choiceError, setChoiceError] = useState<ActionError>();
  const {
    data: snapshot,
    setData,
    reload,
    error,
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
    const pick = choice.choose(igId);
    setChoiceError(undefined);
    setData((previous) => previous && { ...previous, selectedBrandIgId: igId });
    try {
      await sendMessage('selectBrand', { igId });
      pick.stored();
    } catch (caught) {
      // Not stored: the picker shows the background's choice again, and says why.
      pick.failed();
      setChoiceError(toActionError(caught));
      void reload();
    }
  }, []);

  return { snapshot, selectBrand, error: choiceError ?? error, ...rest };
}
