import { useEffect, useState } from 'preact/hooks';
import { ActivityView } from '@/components/ActivityView';
import { BulkView } from '@/components/BulkView';
import { ConnectionPanel } from '@/components/ConnectionPanel';
import { PartnershipsView } from '@/components/PartnershipsView';
import { PermissionsView } from '@/components/PermissionsView';
import { SettingsView } from '@/components/SettingsView';
import { SetupGuide } from '@/components/SetupGuide';
import { useSettings } from '@/components/use-settings';
import { useAuthState } from '@/components/use-auth-state';
import { WelcomeBanner } from './WelcomeBanner';

const VIEWS = [
  { id: 'permissions', label: 'Permissions', render: () => <PermissionsView /> },
  { id: 'partnerships', label: 'Partnerships', render: () => <PartnershipsView /> },
  { id: 'bulk', label: 'Bulk', render: () => <BulkView /> },
  { id: 'activity', label: 'Activity', render: () => <ActivityView /> },
  { id: 'settings', label: 'Settings', render: () => <SettingsView /> },
] as const;

/** The setup guide on its own (the Help link), whether or not an app is set up. */
function HelpView() {
  const settings = useSettings();
  return settings ? <SetupGuide settings={settings} /> : <p class="muted">Loading…</p>;
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
        <h1>Collab Desk</h1>
        <span class="muted">Partnership-ad permissions for your brands</span>
      </header>
      {hash === 'welcome' && <WelcomeBanner />}
      <ConnectionPanel state={auth} />
      <nav aria-label="Dashboard views">
        {VIEWS.map((candidate) => (
          <a key={candidate.id} href={`#${candidate.id}`} aria-current={candidate.id === view.id ? 'page' : undefined}>
            {candidate.label}
          </a>
        ))}
      </nav>
      <main>{hash === 'help' ? <HelpView /> : view.render()}</main>
    </div>
  );
}
