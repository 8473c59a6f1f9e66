import { BrandPicker, chosenBrand } from '@/components/BrandPicker';
import { BrandReadinessLine } from '@/components/BrandReadinessLine';
import { ConnectionPanel } from '@/components/ConnectionPanel';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useAccessOverview } from '@/components/use-access-overview';
import { useAuthState } from '@/components/use-auth-state';

export function App() {
  const auth = useAuthState();
  const { snapshot, error, selectBrand } = useAccessOverview();
  const brands = snapshot?.overview.brands ?? [];
  const brand = chosenBrand(brands, snapshot?.selectedBrandIgId);
  const page = brand && snapshot?.overview.pages.find((candidate) => candidate.id === brand.pageId);

  return (
    <div class="popup">
      <header>
        <h1>Collab Desk</h1>
      </header>
      <ConnectionPanel state={auth} compact />
      {auth?.status === 'signed-in' && (
        <>
          {snapshot && brands.length === 0 && <p class="muted">None of your Pages has a linked Instagram business account.</p>}
          {brands.length > 0 && <BrandPicker brands={brands} selected={brand?.igId} onSelect={selectBrand} />}
          {brand && <BrandReadinessLine brand={brand} pageAccess={page?.access.label} />}
          {!snapshot && !error && <p class="muted">Loading…</p>}
          <ErrorNotice error={error} />
        </>
      )}
      <footer>
        <a href="/options.html" target="_blank">
          Open dashboard
        </a>
      </footer>
    </div>
  );
}
