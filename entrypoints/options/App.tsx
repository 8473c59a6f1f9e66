import { useEffect, useState } from 'preact/hooks';
import { ConnectionPanel } from '@/components/shared/ConnectionPanel';
import { lazyComponent, lazyView } from '@/components/shared/lazy-component';
import { PermissionsView } from '@/components/permissions/PermissionsView';
import { SettingsView } from '@/components/settings/SettingsView';
import { SetupGuide } from '@/components/shared/SetupGuide';
import { useSettings } from '@/components/shared/hooks/use-settings';
import { useAuthState } from '@/components/shared/hooks/use-auth-state';
import { t } from '@/utils/i18n';
import { WelcomeBanner } from '@/components/settings/WelcomeBanner';

// Views other than the first one a person sees load on demand, each with its libraries.
const PartnershipsView = lazyView(() => import('@/components/partnerships/PartnershipsView').then((module) => module.PartnershipsView));
const BulkView = lazyView(() => import('@/components/bulk/BulkView').then((module) => module.BulkView));
const ContentView = lazyComponent(() => import('@/components/content/ContentView').then((module) => module.ContentView), 'loading');
const ActivityView = lazyView(() => import('@/components/activity/ActivityView').then((module) => module.ActivityView));

const VIEWS = [
  { id: 'permissions', label: 'dashboardViewPermissions', render: () => <PermissionsView /> },
  { id: 'partnerships', label: 'dashboardViewPartnerships', render: () => <PartnershipsView /> },
  { id: 'bulk', label: 'dashboardViewBulk', render: () => <BulkView /> },
  // #content?creator=<Instagram ID> opens one creator's posts ("Posts ready for ads").
  { id: 'content', label: 'dashboardViewContent', render: (query: string) => <ContentView route={query} /> },
  { id: 'activity', label: 'dashboardViewActivity', render: () => <ActivityView /> },
  { id: 'settings', label: 'dashboardViewSettings', render: () => <SettingsView /> },
] as const satisfies ReadonlyArray<{ id: string; label: string; render: (query: string) => unknown }>;

/** The setup guide on its own (the Help link), whether or not an app is set up. */
function HelpView() {
  const settings = useSettings();
  return settings ? <SetupGuide settings={settings} /> : <p class="muted">{t('commonLoading')}</p>;
}

function currentHash(): string {
  return location.hash.replace(/^#/, '');
}

/** A hash is the view's ID, then optionally `?` and what the view is asked to show. */
function splitHash(hash: string): { viewId: string; query: string } {
  const mark = hash.indexOf('?');
  return mark < 0 ? { viewId: hash, query: '' } : { viewId: hash.slice(0, mark), query: hash.slice(mark + 1) };
}

export function App() {
  const auth = useAuthState();
  const [hash, setHash] = useState(currentHash());
  useEffect(() => {
    const onHashChange = () => setHash(currentHash());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  const { viewId, query } = splitHash(hash);
  const view = VIEWS.find((candidate) => candidate.id === viewId) ?? (auth?.status === 'signed-out' ? VIEWS[VIEWS.length - 1]! : VIEWS[0]);

  return (
    <div class="dashboard">
      <header>
        <h1>{t('extName')}</h1>
        <span class="muted">{t('dashboardTagline')}</span>
      </header>
      {hash === 'welcome' && <WelcomeBanner />}
      <ConnectionPanel state={auth} guide={(settings) => <SetupGuide settings={settings} />} />
      <nav aria-label={t('dashboardViewsLabel')}>
        {VIEWS.map((candidate) => (
          <a key={candidate.id} href={`#${candidate.id}`} aria-current={candidate.id === view.id ? 'page' : undefined}>
            {t(candidate.label)}
          </a>
        ))}
      </nav>
      <main>{hash === 'help' ? <HelpView /> : view.render(query)}</main>
    </div>
  );
}
