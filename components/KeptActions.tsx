import { sendMessage } from '@/utils/messaging/protocol';
import type { KeptAction } from '@/utils/bulk/pipeline';
import { creatorRefLabel } from '@/utils/partnerships/permission-request';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';

/** Actions that could not finish (throttled, session expired, offline, interrupted), kept until retried or discarded. */
export function KeptActions({ actions, brandUsernames }: { actions: KeptAction[]; brandUsernames: Map<string, string> }) {
  const { busy, error, run } = useAction();
  if (actions.length === 0) return null;
  return (
    <section class="card notice info" aria-labelledby="kept-heading">
      <h3 id="kept-heading">Kept actions ({actions.length})</h3>
      <ul class="kept">
        {actions.map((action) => (
          <li key={action.id}>
            <strong>
              {action.kind === 'send' ? 'Send request to' : 'Revoke'} <bdi>{creatorRefLabel(action)}</bdi>
            </strong>{' '}
            <span class="muted">for @{action.brandUsername || brandUsernames.get(action.brandIgId) || action.brandIgId}.</span>{' '}
            {action.reason}{' '}
            <span class="row">
              <button type="button" disabled={busy} onClick={() => run(() => sendMessage('retryKeptAction', { id: action.id }))}>
                Try again
              </button>
              <button type="button" disabled={busy} onClick={() => run(() => sendMessage('discardKeptAction', { id: action.id }))}>
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </section>
  );
}
