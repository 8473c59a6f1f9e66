import { useEffect, useState } from 'preact/hooks';
import { say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PagePermissionsTable } from './PagePermissionsTable';
import { ReadinessList } from './ReadinessList';
import { RefreshBar } from '../shared/RefreshBar';
import { TokenPermissionsTable } from './TokenPermissionsTable';
import { useAccessOverview } from '../shared/hooks/use-access-overview';

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
        <h2 id="permissions-heading">{t('permissionsHeading')}</h2>
        <RefreshBar fetchedAt={snapshot?.fetchedAt} refreshing={refreshing} onRefresh={refresh} />
      </div>
      <ErrorNotice error={error} />
      {!overview && !error && <p class="muted">{t('permissionsLoading')}</p>}
      {overview && (
        <>
          {overview.instagramUnavailable && (
            <p class="notice error" role="alert">
              {say(overview.instagramUnavailable)}
            </p>
          )}
          <div class="card">
            <h3>{t('permissionsReadinessHeading')}</h3>
            <ReadinessList brands={overview.brands} />
          </div>
          <div class="card">
            <TokenPermissionsTable permissions={overview.tokenPermissions} />
            {loginConfigId && <p class="muted">{t('permissionsLoginConfigNote', { config: loginConfigId })}</p>}
          </div>
          <PagePermissionsTable pages={overview.pages} />
        </>
      )}
    </section>
  );
}
