import { say, t } from '@/utils/i18n';
import { NotReadyLink } from './NotReadyLink';
import { StandingAction, StandingText, standingOf, type BrandRow, type StandingActions } from './standing-parts';

/**
 * The popup's All brands table: the creator's standing with every brand account the person
 * can reach, one line each, the chosen one first and marked as current, with the action
 * that fits in each row. A brand that is not ready says why, linked to the fix.
 */
export function AllBrandsTable({
  rows,
  chosenIgId,
  pendingFor,
  actions,
}: {
  rows: BrandRow[];
  chosenIgId: string;
  pendingFor: (brandIgId: string) => string | undefined;
  actions: StandingActions;
}) {
  return (
    <table class="data all-brands">
      <caption>{t('commonAllBrands')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('watchColumnBrand')}</th>
          <th scope="col">{t('partnershipsColumnStatus')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('partnershipsColumnAction')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const standing = standingOf(row, pendingFor);
          return (
            <tr key={row.brandIgId} aria-current={row.brandIgId === chosenIgId ? 'true' : undefined}>
              <th scope="row" class="one-line">
                <bdi>@{row.brandUsername}</bdi>
              </th>
              {row.readiness.ready ? (
                <>
                  <td>
                    <StandingText standing={standing} />
                  </td>
                  <td class="row-actions">
                    <StandingAction standing={standing} actions={actions} />
                  </td>
                </>
              ) : (
                <td colSpan={2} class="one-line">
                  <NotReadyLink reason={say(row.readiness.problems[0]?.message)} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
