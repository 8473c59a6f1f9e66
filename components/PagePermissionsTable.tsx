import { useMemo, useState } from 'preact/hooks';
import type { PageAccess } from '@/utils/permissions/access-overview';
import { INSTAGRAM_PERMISSIONS } from '@/utils/permissions/task-table';

type PageFilter = 'all' | 'instagram' | 'ready' | 'not-ready';

const FILTERS: Array<[PageFilter, string]> = [
  ['all', 'All Pages'],
  ['instagram', 'With an Instagram account'],
  ['ready', 'Ready for partnership ads'],
  ['not-ready', 'Not ready for partnership ads'],
];

function matchesFilter(page: PageAccess, filter: PageFilter): boolean {
  if (filter === 'instagram') return page.brand !== undefined;
  if (filter === 'ready') return page.readiness?.ready === true;
  if (filter === 'not-ready') return page.readiness?.ready !== true;
  return true;
}

/** One row per Page: the person's access in Meta's words and the Instagram permissions it lets them grant. */
export function PagePermissionsTable({ pages }: { pages: PageAccess[] }) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<PageFilter>('all');
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return pages.filter(
      (page) =>
        matchesFilter(page, filter) &&
        (!needle || page.name.toLowerCase().includes(needle) || page.brand?.username.toLowerCase().includes(needle)),
    );
  }, [pages, query, filter]);

  return (
    <>
      <div class="row filters">
        <input
          type="search"
          aria-label="Search Pages"
          placeholder="Search Pages or @accounts"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <select aria-label="Show Pages" value={filter} onChange={(event) => setFilter(event.currentTarget.value as PageFilter)}>
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <span class="muted" role="status">
          {shown.length === pages.length ? `${pages.length} Pages` : `${shown.length} of ${pages.length} Pages`}
        </span>
      </div>
      <div class="table-scroll">
        <table class="data">
          <caption>Page permissions</caption>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Your access</th>
              <th scope="col">Instagram account</th>
              {INSTAGRAM_PERMISSIONS.map((permission) => (
                <th scope="col" key={permission}>
                  {permission}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((page) => (
              <tr key={page.id}>
                <th scope="row">{page.name}</th>
                <td>
                  {page.access.label}
                  <span class="muted"> ({page.access.scheme === 'role' ? 'classic Page' : 'new Pages experience'})</span>
                </td>
                <td>{page.brand ? `@${page.brand.username}` : <span class="muted">None</span>}</td>
                {INSTAGRAM_PERMISSIONS.map((permission) => (
                  <td key={permission} class={page.grantable[permission] ? 'ok-text' : 'muted'}>
                    {page.grantable[permission] ? 'Yes' : 'No'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p class="muted">No Page matches.</p>}
    </>
  );
}
