import { useMemo } from 'preact/hooks';
import { i18n, say, t } from '@/utils/i18n';
import type { AllBrandsList } from '@/utils/messaging/protocol';
import type { PartnershipPermission } from '@/utils/partnerships/permission-record';
import { statusKeyWord } from '@/utils/partnerships/status';
import { countByStatus } from '@/utils/partnerships/table-view';

/** All brands: each brand's count of creators, by status, and the brands Meta would not list (with why). */
export function BrandCounts({ brands, records }: { brands: AllBrandsList['brands']; records: readonly PartnershipPermission[] }) {
  const byBrand = useMemo(() => {
    const grouped = new Map<string, PartnershipPermission[]>();
    for (const record of records) grouped.set(record.brandIgId ?? '', [...(grouped.get(record.brandIgId ?? '') ?? []), record]);
    return grouped;
  }, [records]);
  return (
    <table class="data brand-counts">
      <caption>{t('partnershipsCountsByBrand')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('watchColumnBrand')}</th>
          <th scope="col">{t('partnershipsColumnCreators')}</th>
          <th scope="col">{t('partnershipsColumnByStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {brands.map((brand) => (
          <tr key={brand.brandIgId}>
            <th scope="row">
              <bdi>@{brand.brandUsername}</bdi>
            </th>
            <td>{brand.error ? '' : i18n.number(brand.count)}</td>
            <td>
              {brand.error ? (
                <span class="error-text">{say(brand.error.said)}</span>
              ) : (
                countByStatus(byBrand.get(brand.brandIgId) ?? [])
                  .map(([status, count]) => t('partnershipsStatusOption', { status: statusKeyWord(status), count }))
                  .join(', ')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
