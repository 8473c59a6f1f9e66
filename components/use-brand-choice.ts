import { chosenBrand } from './BrandPicker';
import { useAccessOverview } from './use-access-overview';

/** The brand accounts, the one chosen (remembered across popup and dashboard), and its Page access. */
export function useBrandChoice() {
  const access = useAccessOverview();
  const brands = access.snapshot?.overview.brands ?? [];
  const brand = chosenBrand(brands, access.snapshot?.selectedBrandIgId);
  const page = brand && access.snapshot?.overview.pages.find((candidate) => candidate.id === brand.pageId);
  const brandUsernames = new Map(brands.map((candidate) => [candidate.igId, candidate.username]));
  return { ...access, brands, brand, page, brandUsernames };
}
