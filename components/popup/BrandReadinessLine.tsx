import { say, t } from '@/utils/i18n';
import type { AccessOverview } from '@/utils/permissions/access-overview';
import { NotReadyLink } from './NotReadyLink';

type Brand = AccessOverview['brands'][number];

/** One line: can the person manage partnership ads for this brand (or what stops them, linked to the fix), and their access to its Page. */
export function BrandReadinessLine({ brand, pageAccess }: { brand: Brand; pageAccess: string | undefined }) {
  return (
    <div class="readiness-line">
      <p role="status" class="one-line">
        {brand.readiness.ready ? (
          <span class="ok-text">
            <span aria-hidden="true">✓ </span>
            {t('permissionsReadinessReady')}
          </span>
        ) : (
          <NotReadyLink reason={say(brand.readiness.problems[0]?.message)} />
        )}
      </p>
      {pageAccess && (
        <p class="muted one-line small">{t('permissionsReadinessYourAccess', { page: brand.pageName, access: pageAccess })}</p>
      )}
    </div>
  );
}
