import { useSettings } from '@/components/use-settings';

/** Shown once, when the dashboard opens right after install. */
export function WelcomeBanner() {
  const settings = useSettings();
  return (
    <section class="card notice info welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Collab Desk</h2>
      {settings?.effectiveMetaAppId ? (
        <p>
          This copy of Collab Desk comes set up with a Meta app ({settings.effectiveMetaAppId}). Click Connect with Facebook and approve the
          permissions; you can change the app in Settings.
        </p>
      ) : (
        <p>Collab Desk signs in through a Meta app of your own. Follow the steps of the setup guide below; it takes a few minutes.</p>
      )}
      <p>
        What Collab Desk reads, keeps and sends is in its{' '}
        <a href="/privacy.html" target="_blank" rel="noopener">
          privacy policy
        </a>
        .
      </p>
    </section>
  );
}
