import { sendMessage } from '@/utils/messaging/protocol';
import type { KeptAction } from '@/utils/bulk/pipeline';
import { say, t } from '@/utils/i18n';
import { creatorRefLabel } from '@/utils/partnerships/permission-request';
import { ErrorNotice } from './ErrorNotice';
import { rich } from './rich';
import { useAction } from './hooks/use-action';
import { keepFocusNear } from './announce';

/** Actions that could not finish (throttled, session expired, offline, interrupted), kept until retried or discarded. */
export function KeptActions({ actions, brandUsernames }: { actions: KeptAction[]; brandUsernames: Map<string, string> }) {
  const { busy, error, run } = useAction();
  if (actions.length === 0) return null;
  const act = (button: HTMLElement, action: () => Promise<unknown>) => {
    keepFocusNear(button);
    void run(action);
  };
  return (
    <section class="card notice info" aria-labelledby="kept-heading">
      <h3 id="kept-heading">{t('partnershipsKeptHeading', { count: actions.length })}</h3>
      <ul class="kept">
        {actions.map((action) => (
          <li key={action.id}>
            <strong>
              {rich(t(action.kind === 'send' ? 'partnershipsKeptSend' : 'partnershipsKeptRevoke'), {
                creator: <bdi>{say(creatorRefLabel(action))}</bdi>,
              })}
            </strong>{' '}
            <span class="muted">
              {t('partnershipsKeptForBrand', { brand: action.brandUsername || brandUsernames.get(action.brandIgId) || action.brandIgId })}
            </span>{' '}
            {say(action.reason)}{' '}
            <span class="row">
              <button
                type="button"
                disabled={busy}
                onClick={(event) => act(event.currentTarget, () => sendMessage('retryKeptAction', { id: action.id }))}
              >
                {t('partnershipsKeptTryAgain')}
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={(event) => act(event.currentTarget, () => sendMessage('discardKeptAction', { id: action.id }))}
              >
                {t('partnershipsKeptDiscard')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </section>
  );
}
