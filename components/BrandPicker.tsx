import type { AccessOverview } from '@/utils/permissions/access-overview';
import { t } from '@/utils/i18n';

/** The brand account chooser: options are the Instagram usernames of the person's brand accounts. */
export function BrandPicker({
  brands,
  selected,
  onSelect,
}: {
  brands: AccessOverview['brands'];
  selected: string | undefined;
  onSelect: (igId: string) => void;
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
      </select>
    </div>
  );
}
