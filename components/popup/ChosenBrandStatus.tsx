import { say, t } from '@/utils/i18n';
import { noActionReason } from '@/utils/partnerships/status';
import { PostsReadyLink } from '../content/PostsReadyLink';
import { StandingAction, StandingText, type Standing, type StandingActions } from './standing-parts';

/** The answer the popup is opened for: the creator's status with the chosen brand, large, and its one action. */
export function ChosenBrandStatus({ standing, actions }: { standing: Standing; actions: StandingActions }) {
  const reason = !standing.pending && standing.row.standing && !standing.row.standing.error ? noActionReason(standing.status) : undefined;
  return (
    <section class="chosen-status" aria-labelledby="chosen-status-of">
      <p id="chosen-status-of" class="muted small one-line">
        {t('popupChosenStatusOf', { creator: actions.username, brand: standing.row.brandUsername })}
      </p>
      <div class="chosen-status-main">
        <p class="chosen-status-word">
          <StandingText standing={standing} />
        </p>
        <StandingAction standing={standing} actions={actions} />
      </div>
      {reason && <p class="muted small">{say(reason)}</p>}
      {/* Approved: the creator's posts this brand may run, in the dashboard's Content view. */}
      {!standing.pending && standing.row.standing?.permission && (
        <PostsReadyLink permission={standing.row.standing.permission} brandIgId={standing.row.brandIgId} newTab />
      )}
    </section>
  );
}
