import { BrandPicker } from '@/components/shared/BrandPicker';
import { BrandReadinessLine } from '@/components/popup/BrandReadinessLine';
import { ConnectionPanel } from '@/components/shared/ConnectionPanel';
import { CreatorLookup } from '@/components/popup/CreatorLookup';
import { SessionLine } from '@/components/popup/SessionLine';
import { SetupPointer } from '@/components/popup/SetupPointer';
import { ErrorNotice } from '@/components/shared/ErrorNotice';
import { AboutLinks } from '@/components/shared/AboutLinks';
import { lazyComponent } from '@/components/shared/lazy-component';
import { useAuthState } from '@/components/shared/hooks/use-auth-state';
import { useBrandChoice } from '@/components/shared/hooks/use-brand-choice';
import { useKeptActions } from '@/components/shared/hooks/use-kept-actions';
import { say, t } from '@/utils/i18n';
import type { FirstPaint } from './first-paint';

// Shown only when an action waits for the person: loaded then.
const KeptActions = lazyComponent(() => import('@/components/shared/KeptActions').then((module) => module.KeptActions));

/** The popup, laid out for a glance (the status for the chosen brand first, the session at the foot), painted first from `start` (the open profile and the cache's glance), then kept current by the background. */
export function App({ start }: { start: FirstPaint }) {
  const auth = useAuthState(start.glance?.auth);
  const { snapshot, error, brands, brand, page, brandUsernames, selectBrand } = useBrandChoice(start.glance?.access);
  const kept = useKeptActions();
  const glanceLookup = start.glance?.lookup;
  const picker = (
    <>
      {brands.length > 0 && <BrandPicker brands={brands} selected={brand?.igId} onSelect={selectBrand} />}
      {brand && <BrandReadinessLine brand={brand} pageAccess={page && say(page.access.label)} />}
    </>
  );

  return (
    <div class="popup">
      <header>
        <h1>{t('extName')}</h1>
        <a href="/options.html#partnerships" target="_blank" rel="noopener">
          {t('popupOpenDashboard')}
        </a>
      </header>
      <main>
        {auth?.status !== 'signed-in' && <ConnectionPanel state={auth} guide={() => <SetupPointer />} compact />}
        {auth?.status === 'signed-in' && (
          <>
            {snapshot && brands.length === 0 && <p class="muted">{t('popupNoBrandAccounts')}</p>}
            {brand ? (
              <CreatorLookup
                brandIgId={brand.igId}
                brandUsername={brand.username}
                readiness={brand.readiness}
                initialUsername={start.username}
                initialLookup={glanceLookup?.brandIgId === brand.igId ? glanceLookup : undefined}
                recent={start.recent}
                picker={picker}
              />
            ) : (
              picker
            )}
            {!snapshot && !error && <p class="muted">{t('commonLoading')}</p>}
            <ErrorNotice error={error} />
          </>
        )}
        {kept.length > 0 && <KeptActions actions={kept} brandUsernames={brandUsernames} />}
      </main>
      <footer>
        {auth?.status === 'signed-in' && <SessionLine state={auth} />}
        <AboutLinks />
      </footer>
    </div>
  );
}
