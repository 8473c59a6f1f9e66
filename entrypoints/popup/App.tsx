import { ConnectionPanel } from '@/components/ConnectionPanel';
import { useAuthState } from '@/components/use-auth-state';

export function App() {
  const auth = useAuthState();
  return (
    <div class="popup">
      <header>
        <h1>Collab Desk</h1>
      </header>
      <ConnectionPanel state={auth} compact />
      <footer>
        <a href="/options.html" target="_blank">
          Open dashboard
        </a>
      </footer>
    </div>
  );
}
