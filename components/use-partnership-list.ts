import { sendMessage } from '@/utils/messaging/protocol';
import { useCachedData } from './use-cached-data';

/** A brand's permissions, from the background's cache; nothing is asked without a brand. */
export function usePartnershipList(brandIgId: string | undefined) {
  const { data: list, ...rest } = useCachedData(
    brandIgId
      ? {
          load: () => sendMessage('listPartnerships', { brandIgId }),
          refresh: () => sendMessage('refreshPartnerships', { brandIgId }),
          area: 'partnerships',
          brandIgId,
        }
      : undefined,
    [brandIgId],
  );
  return { list, ...rest };
}
