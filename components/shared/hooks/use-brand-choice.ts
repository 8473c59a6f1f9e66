import { chosenBrand } from '@/utils/permissions/access-overview';
import { useAccessOverview } from './use-access-overview';
import type { Reply } from '@/utils/messaging/protocol';

/** The brand accounts, the one chosen (remembered across popup and dashboard), and its Page access. */
export function useBrandChoice(initial?: Reply<'getAccessOverview'>) {
  const access = useAccessOverview(initial);
  const brands = access.snapshot?.overview.brands ?? [];
  const brand = chosenBrand(brands, access.snapshot?.selectedBrandIgId);
  const page = brand && access.snapshot?.overview.pages.find((candidate) => candidate.id === brand.pageId);
  const brandUsernames = new Map(brands.map((candidate) => [candidate.igId, candidate.username]));
  return { ...access, brands, brand, page, brandUsernames };
}
