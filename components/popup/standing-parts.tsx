import { say, t } from '@/utils/i18n';
import type { Reply } from '@/utils/messaging/protocol';
import { canRevoke, canSend } from '@/utils/partnerships/status';
import { StatusWord } from '../shared/StatusWord';

export type BrandRow = Reply<'lookupCreatorAcrossBrands'>['brands'][number];

/** What the popup shows and offers for one brand: the status, an action on its way, and whether the status is known. */
export interface Standing {
  row: BrandRow;
  status: string | undefined;
  /** The status an action of the popup, or a job holding the creator for this brand, is bringing about. */
  pending: string | undefined;
}

export interface StandingActions {
  username: string;
  busy: boolean;
  onSend: (row: BrandRow) => void;
  onRevoke: (row: BrandRow) => void;
}

export function standingOf(row: BrandRow, pendingFor: (brandIgId: string) => string | undefined): Standing {
  const pending = pendingFor(row.brandIgId) ?? (row.heldBy && (row.heldBy === 'revoke' ? 'REVOKED' : 'PENDING'));
  return { row, status: row.standing?.permission?.status, pending };
}

/** The status word, or why there is none (a failed read), and what is happening to it now. */
export function StandingText({ standing: { row, status, pending } }: { standing: Standing }) {
  if (row.standing?.error) return <span class="error-text">{say(row.standing.error.said)}</span>;
  if (!row.standing) return null;
  return (
    <>
      <StatusWord status={status} />
      {pending && <span class="muted small"> {t(pending === 'REVOKED' ? 'popupLookupRevoking' : 'popupLookupSending')}</span>}
      {!pending && row.standing.refreshing && <span class="muted small"> {t('popupLookupCheckingChanges')}</span>}
    </>
  );
}

/** Send request or Revoke, whichever the status allows; nothing while an action is on its way or the status is unknown. */
export function StandingAction({ standing: { row, status, pending }, actions }: { standing: Standing; actions: StandingActions }) {
  const known = row.readiness.ready && row.standing && !row.standing.error;
  if (!known || pending) return null;
  if (canSend(status))
    return (
      <button type="button" class="primary" disabled={actions.busy} onClick={() => actions.onSend(row)}>
        {t('commonSendRequest')}
        <span class="visually-hidden"> {t('popupForBrand', { brand: row.brandUsername })}</span>
      </button>
    );
  if (canRevoke(status))
    return (
      <button type="button" class="danger" disabled={actions.busy} onClick={() => actions.onRevoke(row)}>
        {t('commonRevoke')}
        <span class="visually-hidden"> {t('popupCreatorForBrand', { creator: actions.username, brand: row.brandUsername })}</span>
      </button>
    );
  return null;
}
