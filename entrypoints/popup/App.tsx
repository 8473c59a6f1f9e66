import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import { BrandPicker } from '@/components/BrandPicker';
import { BrandReadinessLine } from '@/components/BrandReadinessLine';
import { ConnectionPanel } from '@/components/ConnectionPanel';
import { CreatorLookup } from '@/components/CreatorLookup';
import { ErrorNotice } from '@/components/ErrorNotice';
import { AboutLinks } from '@/components/AboutLinks';
import { KeptActions } from '@/components/KeptActions';
import { useAuthState } from '@/components/use-auth-state';
import { useBrandChoice } from '@/components/use-brand-choice';
import { useKeptActions } from '@/components/use-kept-actions';
import { say, t } from '@/utils/i18n';
import { creatorOfActiveTab } from '@/utils/instagram/active-profile';

/** The creator of the instagram.com tab the popup was opened over, if any (activeTab). */
function useCreatorOfActiveTab(): { ready: boolean; username?: string } {
  const [state, setState] = useState<{ ready: boolean; username?: string }>({ ready: false });
  useEffect(() => {
    browser.tabs
      .query({})
      .then((tabs) => setState({ ready: true, username: creatorOfActiveTab(tabs, new URL(browser.runtime.getURL('/')).origin) }))
      .catch(() => setState({ ready: true }));
  }, []);
  return state;
}

export function App() {
  const auth = useAuthState();
  const { snapshot, error, brands, brand, page, brandUsernames, selectBrand } = useBrandChoice();
  const tab = useCreatorOfActiveTab();
  const kept = useKeptActions();

  return (
    <div class="popup">
      <header>
        <h1>{t('extName')}</h1>
      </header>
      <main>
        <ConnectionPanel state={auth} compact />
        {auth?.status === 'signed-in' && (
          <>
            {snapshot && brands.length === 0 && <p class="muted">{t('popupNoBrandAccounts')}</p>}
            {brands.length > 0 && <BrandPicker brands={brands} selected={brand?.igId} onSelect={selectBrand} />}
            {brand && <BrandReadinessLine brand={brand} pageAccess={page && say(page.access.label)} />}
            {brand?.readiness.ready && tab.ready && (
              <CreatorLookup
                key={brand.igId}
                brandIgId={brand.igId}
                brandUsername={brand.username}
                readiness={brand.readiness}
                initialUsername={tab.username}
              />
            )}
            {!snapshot && !error && <p class="muted">{t('commonLoading')}</p>}
            <ErrorNotice error={error} />
          </>
        )}
        <KeptActions actions={kept} brandUsernames={brandUsernames} />
      </main>
      <footer>
        <a href="/options.html#partnerships" target="_blank" rel="noopener">
          {t('popupOpenDashboard')}
        </a>
        <AboutLinks />
      </footer>
    </div>
  );
}
