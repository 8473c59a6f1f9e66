import type { AccessOverview } from '@/utils/permissions/access-overview';
import { t } from '@/utils/i18n';

/** The value of the picker's "All brands" option (no brand account has it as an ID). */
export const ALL_BRANDS = 'all';

/** The brand account chooser: options are the Instagram usernames of the person's brand accounts (and, on the dashboard, All brands). */
export function BrandPicker({
  brands,
  selected,
  onSelect,
  withAllBrands = false,
}: {
  brands: AccessOverview['brands'];
  selected: string | undefined;
  onSelect: (igId: string) => void;
  withAllBrands?: boolean;
}) {
  return (
    <div class="field">
      <label for="brand-account">{t('commonBrandAccount')}</label>
      <select id="brand-account" value={selected} onChange={(event) => onSelect(event.currentTarget.value)} disabled={brands.length === 0}>
        {brands.map((brand) => (
          <option key={brand.igId} value={brand.igId}>
            @{brand.username}
          </option>
        ))}
        {withAllBrands && brands.length > 1 && <option value={ALL_BRANDS}>{t('commonAllBrands')}</option>}
      </select>
    </div>
  );
}
