import { say, t } from '@/utils/i18n';
import type { Reply } from '@/utils/messaging/protocol';
import { canRevoke, canSend } from '@/utils/partnerships/status';
import { StatusWord } from '../shared/StatusWord';

type BrandRow = Reply<'lookupCreatorAcrossBrands'>['brands'][number];

/**
 * The popup's All brands table: the creator's standing with every brand account the person
 * can reach (the chosen one first), with the action that fits in each row. A brand that is
 * not ready says why instead.
 */
export function AllBrandsTable({
  username,
  rows,
  busy,
  pendingFor,
  onSend,
  onRevoke,
}: {
  username: string;
  rows: BrandRow[];
  busy: boolean;
  pendingFor: (brandIgId: string) => string | undefined;
  onSend: (row: BrandRow) => void;
  onRevoke: (row: BrandRow) => void;
}) {
  return (
    <table class="data all-brands">
      <caption>{t('commonAllBrands')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('watchColumnBrand')}</th>
          <th scope="col">{t('partnershipsColumnStatus')}</th>
          <th scope="col">{t('partnershipsColumnAction')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const status = row.standing?.permission?.status;
          // The popup's own action on its way, or a job that holds the creator for this brand now.
          const pending = pendingFor(row.brandIgId) ?? (row.heldBy && (row.heldBy === 'revoke' ? 'REVOKED' : 'PENDING'));
          const known = row.readiness.ready && row.standing && !row.standing.error;
          return (
            <tr key={row.brandIgId}>
              <th scope="row">
                <bdi>@{row.brandUsername}</bdi>
              </th>
              <td>
                {!row.readiness.ready ? (
                  <span class="muted">{t('popupBrandNotReady', { reason: row.readiness.problems[0]?.message ?? '' })}</span>
                ) : row.standing?.error ? (
                  <span class="error-text">{say(row.standing.error.said)}</span>
                ) : row.standing ? (
                  <>
                    <StatusWord status={status} />
                    {pending && <span class="muted"> {t(pending === 'REVOKED' ? 'popupLookupRevoking' : 'popupLookupSending')}</span>}
                    {!pending && row.standing.refreshing && <span class="muted"> {t('popupLookupCheckingChanges')}</span>}
                  </>
                ) : null}
              </td>
              <td>
                {known && !pending && canSend(status) && (
                  <button type="button" class="primary" disabled={busy} onClick={() => onSend(row)}>
                    {t('commonSendRequest')}
                    <span class="visually-hidden"> {t('popupForBrand', { brand: row.brandUsername })}</span>
                  </button>
                )}
                {known && !pending && canRevoke(status) && (
                  <button type="button" class="danger" disabled={busy} onClick={() => onRevoke(row)}>
                    {t('commonRevoke')}
                    <span class="visually-hidden"> {t('popupCreatorForBrand', { creator: username, brand: row.brandUsername })}</span>
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
