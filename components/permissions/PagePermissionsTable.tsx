import { useId, useMemo, useState } from 'preact/hooks';
import type { PageAccess } from '@/utils/permissions/access-overview';
import { INSTAGRAM_PERMISSIONS, type InstagramPermission } from '@/utils/permissions/task-table';
import { plural, say, t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/said';
import { TableScroll } from '../shared/TableScroll';

type PageFilter = 'all' | 'instagram' | 'ready' | 'not-ready';

/** What each permission column means, in plain words (seed 001's task table). */
const PERMISSION_EXPLAINED: Record<InstagramPermission, MessageKey> = {
  instagram_basic: 'permissionsExplainBasic',
  instagram_content_publish: 'permissionsExplainPublish',
  instagram_manage_comments: 'permissionsExplainComments',
  instagram_manage_insights: 'permissionsExplainInsights',
};

const FILTERS: Array<[PageFilter, MessageKey]> = [
  ['all', 'permissionsFilterAll'],
  ['instagram', 'permissionsFilterInstagram'],
  ['ready', 'permissionsFilterReady'],
  ['not-ready', 'permissionsFilterNotReady'],
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
  const captionId = useId();
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
          aria-label={t('permissionsSearchPages')}
          placeholder={t('permissionsSearchPagesPlaceholder')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <select
          aria-label={t('permissionsShowPages')}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value as PageFilter)}
        >
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
        <span class="muted" role="status">
          {shown.length === pages.length
            ? plural('permissionsPageCount', pages.length)
            : plural('permissionsPagesShown', pages.length, { shown: shown.length, count: pages.length })}
        </span>
      </div>
      <TableScroll captionId={captionId}>
        <table class="data">
          <caption id={captionId}>{t('permissionsPageTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('permissionsColumnPage')}</th>
              <th scope="col">{t('permissionsColumnAccess')}</th>
              <th scope="col">{t('permissionsColumnInstagram')}</th>
              {INSTAGRAM_PERMISSIONS.map((permission) => (
                // The head keeps the API name (UI contract); the explanation is its description and tooltip.
                <th scope="col" key={permission} aria-describedby={`explain-${permission}`} title={t(PERMISSION_EXPLAINED[permission])}>
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
                  {say(page.access.label)}
                  <span class="muted">
                    {' '}
                    {t(page.access.scheme === 'role' ? 'permissionsClassicPage' : 'permissionsNewPagesExperience')}
                  </span>
                </td>
                <td>{page.brand ? `@${page.brand.username}` : <span class="muted">{t('permissionsNoInstagram')}</span>}</td>
                {INSTAGRAM_PERMISSIONS.map((permission) => (
                  <td key={permission} class={page.grantable[permission] ? 'ok-text' : 'muted'}>
                    {page.grantable[permission] ? t('commonYes') : t('commonNo')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {shown.length === 0 && <p class="muted">{t('permissionsNoPageMatches')}</p>}
      <dl class="legend" aria-label={t('permissionsLegendLabel')}>
        {INSTAGRAM_PERMISSIONS.map((permission) => (
          <div key={permission}>
            <dt>
              <code>{permission}</code>
            </dt>
            <dd id={`explain-${permission}`}>{t(PERMISSION_EXPLAINED[permission])}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
