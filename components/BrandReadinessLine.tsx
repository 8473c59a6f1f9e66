import type { AccessOverview } from '@/utils/permissions/access-overview';

type Brand = AccessOverview['brands'][number];

/** One line: can the person manage partnership ads for this brand, and their access to its Page. */
export function BrandReadinessLine({ brand, pageAccess }: { brand: Brand; pageAccess: string | undefined }) {
  const problem = brand.readiness.problems[0];
  return (
    <div class="readiness-line">
      <p role="status">
        {brand.readiness.ready ? (
          <span class="ok-text">Ready for partnership ads</span>
        ) : (
          <>
            <span class="warn-text">Not ready:</span> {problem?.message}
            {brand.readiness.problems.length > 1 && (
              <span class="muted"> (and {brand.readiness.problems.length - 1} more on the dashboard)</span>
            )}
          </>
        )}
      </p>
      {pageAccess && (
        <p class="muted">
          Your access to {brand.pageName}: {pageAccess}
        </p>
      )}
    </div>
  );
}
