import { sendMessage, type AllBrandsList } from '@/utils/messaging/protocol';
import type { CachedRead } from '@/utils/cache/cached-reader';
import type { PartnershipPermission } from '@/utils/partnerships/permission-record';

/** A list as the Partnerships view shows it: one brand's, or every brand's with each brand's count. */
export type ShownList = CachedRead<PartnershipPermission[]> & { brands?: AllBrandsList['brands'] };
import { ALL_BRANDS } from '../shared/BrandPicker';
import { useCachedData } from '../shared/hooks/use-cached-data';

/** A brand's permissions (or every brand's, with ALL_BRANDS), from the background's cache; nothing is asked without a brand. */
export function usePartnershipList(brandIgId: string | undefined) {
  const { data: list, ...rest } = useCachedData<ShownList>(
    brandIgId === ALL_BRANDS
      ? {
          load: () => sendMessage('listAllPartnerships', undefined),
          refresh: () => sendMessage('refreshAllPartnerships', undefined),
          area: 'partnerships',
          anyBrand: true,
        }
      : brandIgId
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
