import type { AccessOverview } from '@/utils/permissions/access-overview';
import type { ReadinessProblem } from '@/utils/permissions/readiness';
import { say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';

/** Per brand account: ready to manage partnership ads, or exactly what is missing and how to fix it. */
export function ReadinessList({ brands }: { brands: AccessOverview['brands'] }) {
  const { busy, error, run } = useAction();
  if (brands.length === 0) {
    return <p class="muted">{t('permissionsNoBrandAccounts')}</p>;
  }
  const askAgain = () => run(() => sendMessage('connect', { rerequest: true }));
  return (
    <>
      <ul class="readiness" aria-label={t('permissionsReadinessHeading')}>
        {brands.map((brand) => (
          <li key={brand.igId}>
            <strong>@{brand.username}</strong> <span class="muted">({brand.pageName})</span>:{' '}
            {brand.readiness.ready ? (
              <span class="ok-text">{t('permissionsReadinessReady')}</span>
            ) : (
              <>
                <span class="warn-text">{t('permissionsReadinessNotReady')}</span>
                <ul>
                  {brand.readiness.problems.map((problem, index) => (
                    <li key={index}>
                      {say(problem.message)} <FixAction problem={problem} busy={busy} onRerequest={askAgain} />
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
      {problem.fix === 'rerequest' ? t('permissionsAskAgain') : t('permissionsConnectAgain')}
    </button>
  );
}
