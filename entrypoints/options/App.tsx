import { useEffect, useState } from 'preact/hooks';
import { ConnectionPanel } from '@/components/ConnectionPanel';
import { lazyView } from '@/components/lazy-component';
import { PermissionsView } from '@/components/PermissionsView';
import { SettingsView } from '@/components/SettingsView';
import { SetupGuide } from '@/components/SetupGuide';
import { useSettings } from '@/components/use-settings';
import { useAuthState } from '@/components/use-auth-state';
import { t } from '@/utils/i18n';
import { WelcomeBanner } from './WelcomeBanner';

// Views other than the first one a person sees load on demand, each with its libraries.
const PartnershipsView = lazyView(() => import('@/components/PartnershipsView').then((module) => module.PartnershipsView));
const BulkView = lazyView(() => import('@/components/BulkView').then((module) => module.BulkView));
const ActivityView = lazyView(() => import('@/components/ActivityView').then((module) => module.ActivityView));

const VIEWS = [
  { id: 'permissions', label: 'dashboardViewPermissions', render: () => <PermissionsView /> },
  { id: 'partnerships', label: 'dashboardViewPartnerships', render: () => <PartnershipsView /> },
  { id: 'bulk', label: 'dashboardViewBulk', render: () => <BulkView /> },
  { id: 'activity', label: 'dashboardViewActivity', render: () => <ActivityView /> },
  { id: 'settings', label: 'dashboardViewSettings', render: () => <SettingsView /> },
] as const;

/** The setup guide on its own (the Help link), whether or not an app is set up. */
function HelpView() {
  const settings = useSettings();
  return settings ? <SetupGuide settings={settings} /> : <p class="muted">{t('commonLoading')}</p>;
}

function currentHash(): string {
  return location.hash.replace(/^#/, '');
}

export function App() {
  const auth = useAuthState();
  const [hash, setHash] = useState(currentHash());
  useEffect(() => {
    const onHashChange = () => setHash(currentHash());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  const view = VIEWS.find((candidate) => candidate.id === hash) ?? (auth?.status === 'signed-out' ? VIEWS[VIEWS.length - 1]! : VIEWS[0]);

  return (
    <div class="dashboard">
      <header>
        <h1>{t('extName')}</h1>
        <span class="muted">{t('dashboardTagline')}</span>
      </header>
      {hash === 'welcome' && <WelcomeBanner />}
      <ConnectionPanel state={auth} />
      <nav aria-label={t('dashboardViewsLabel')}>
        {VIEWS.map((candidate) => (
          <a key={candidate.id} href={`#${candidate.id}`} aria-current={candidate.id === view.id ? 'page' : undefined}>
            {t(candidate.label)}
          </a>
        ))}
      </nav>
      <main>{hash === 'help' ? <HelpView /> : view.render()}</main>
    </div>
  );
}
