import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from './ErrorNotice';
import { PagePermissionsTable } from './PagePermissionsTable';
import { ReadinessList } from './ReadinessList';
import { RefreshBar } from './RefreshBar';
import { TokenPermissionsTable } from './TokenPermissionsTable';
import { useAccessOverview } from './use-access-overview';

/** Dashboard view: what the person's Page access lets them grant, and whether partnership ads will work. */
export function PermissionsView() {
  const { snapshot, error, refreshing, refresh } = useAccessOverview();
  const overview = snapshot?.overview;
  const [loginConfigId, setLoginConfigId] = useState('');
  useEffect(() => {
    void sendMessage('getSettings', undefined).then((settings) => setLoginConfigId(settings.effectiveLoginConfigId));
  }, []);
  return (
    <section aria-labelledby="permissions-heading">
      <div class="row view-heading">
        <h2 id="permissions-heading">Permissions</h2>
        <RefreshBar fetchedAt={snapshot?.fetchedAt} refreshing={refreshing} onRefresh={refresh} />
      </div>
      <ErrorNotice error={error} />
      {!overview && !error && <p class="muted">Loading your Pages…</p>}
      {overview && (
        <>
          {overview.instagramUnavailable && (
            <p class="notice error" role="alert">
              {overview.instagramUnavailable}
            </p>
          )}
          <div class="card">
            <h3>Partnership-ads readiness</h3>
            <ReadinessList brands={overview.brands} />
          </div>
          <div class="card">
            <TokenPermissionsTable permissions={overview.tokenPermissions} />
            {loginConfigId && (
              <p class="muted">
                You log in with Facebook Login for Business configuration {loginConfigId}. A configuration grants all of its permissions or
                none: to change them, edit the configuration in your Meta app's dashboard, then connect again.
              </p>
            )}
          </div>
          <PagePermissionsTable pages={overview.pages} />
        </>
      )}
    </section>
  );
}
