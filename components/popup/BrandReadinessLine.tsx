import { plural, say, t } from '@/utils/i18n';
import type { AccessOverview } from '@/utils/permissions/access-overview';

type Brand = AccessOverview['brands'][number];

/** One line: can the person manage partnership ads for this brand, and their access to its Page. */
export function BrandReadinessLine({ brand, pageAccess }: { brand: Brand; pageAccess: string | undefined }) {
  const problem = brand.readiness.problems[0];
  const more = brand.readiness.problems.length - 1;
  return (
    <div class="readiness-line">
      <p role="status">
        {brand.readiness.ready ? (
          <span class="ok-text">{t('permissionsReadinessReady')}</span>
        ) : (
          <>
            <span class="warn-text">{t('permissionsReadinessNotReadyLabel')}</span> {say(problem?.message)}
            {more > 0 && <span class="muted"> {plural('permissionsReadinessMoreOnDashboard', more)}</span>}
          </>
        )}
      </p>
      {pageAccess && <p class="muted">{t('permissionsReadinessYourAccess', { page: brand.pageName, access: pageAccess })}</p>}
    </div>
  );
}
