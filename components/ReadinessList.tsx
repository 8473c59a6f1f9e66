import type { AccessOverview } from '@/utils/permissions/access-overview';
import type { ReadinessProblem } from '@/utils/permissions/readiness';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';

/** Per brand account: ready to manage partnership ads, or exactly what is missing and how to fix it. */
export function ReadinessList({ brands }: { brands: AccessOverview['brands'] }) {
  const { busy, error, run } = useAction();
  if (brands.length === 0) {
    return <p class="muted">None of your Pages has a linked Instagram business account, so there is no brand account to manage.</p>;
  }
  const askAgain = () => run(() => sendMessage('connect', { rerequest: true }));
  return (
    <>
      <ul class="readiness" aria-label="Partnership-ads readiness">
        {brands.map((brand) => (
          <li key={brand.igId}>
            <strong>@{brand.username}</strong> <span class="muted">({brand.pageName})</span>:{' '}
            {brand.readiness.ready ? (
              <span class="ok-text">Ready for partnership ads</span>
            ) : (
              <>
                <span class="warn-text">Not ready</span>
                <ul>
                  {brand.readiness.problems.map((problem) => (
                    <li key={problem.message}>
                      {problem.message} <FixAction problem={problem} busy={busy} onRerequest={askAgain} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </>
  );
}

function FixAction({ problem, busy, onRerequest }: { problem: ReadinessProblem; busy: boolean; onRerequest: () => void }) {
  if (problem.fix === 'ask-admin') return null;
  return (
    <button type="button" disabled={busy} onClick={onRerequest}>
      {problem.fix === 'rerequest' ? 'Ask Facebook again' : 'Connect again'}
    </button>
  );
}
