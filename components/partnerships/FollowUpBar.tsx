import { i18n, plural, t } from '@/utils/i18n';

/** What to do about terms that have ended and creators who have not answered yet. */
export function FollowUpBar({
  endedCount,
  onRevokeEnded,
  revokeDisabled,
  waitingAfterDays,
  onWaitingAfterDays,
  waitingCount,
  onCopyWaiting,
}: {
  endedCount: number;
  onRevokeEnded: () => void;
  revokeDisabled: boolean;
  waitingAfterDays: number;
  onWaitingAfterDays: (typed: string) => void;
  waitingCount: number;
  onCopyWaiting: () => void;
}) {
  return (
    <div class="row filters">
      {endedCount > 0 && (
        <button type="button" class="danger" onClick={onRevokeEnded} disabled={revokeDisabled}>
          {t('termsRevokeEnded')} ({i18n.number(endedCount)})
        </button>
      )}
      <label class="inline" for="waiting-after">
        {t('followUpWaitingAfter')}
      </label>
      <input
        id="waiting-after"
        type="number"
        min={1}
        max={365}
        value={waitingAfterDays}
        onChange={(event) => onWaitingAfterDays(event.currentTarget.value)}
      />
      <button type="button" onClick={onCopyWaiting} disabled={waitingCount === 0}>
        {plural('followUpCopyAll', waitingCount)}
      </button>
    </div>
  );
}
