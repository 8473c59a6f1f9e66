/** Shown once, when the dashboard opens right after install. */
export function WelcomeBanner() {
  return (
    <section class="card notice info welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Welcome to Collab Desk</h2>
      <p>Three steps and you are ready:</p>
      <ol>
        <li>In Settings, enter the App ID of your Meta app (or keep the one this build came with).</li>
        <li>Add the redirect URI shown in Settings to that app's Facebook Login settings.</li>
        <li>Click Connect with Facebook and approve the permissions.</li>
      </ol>
    </section>
  );
}
