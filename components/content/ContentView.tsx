import { useEffect, useMemo, useState } from 'preact/hooks';
import { plural, say, t } from '@/utils/i18n';
import { csvFileName, downloadCsv } from '@/utils/export/csv';
import { businessNeededWords } from '@/utils/content/content-words';
import { contentCsv } from '@/utils/content/content-csv';
import { withPermissions } from '@/utils/content/content-creators';
import type { LookupOutcome } from '@/utils/content/content-lookup';
import type { Business } from '@/utils/content/business-choice';
import { sendMessage } from '@/utils/messaging/protocol';
import { statusGroup } from '@/utils/partnerships/status';
import { BrandPicker } from '../shared/BrandPicker';
import { ErrorNotice } from '../shared/ErrorNotice';
import { RefreshBar } from '../shared/RefreshBar';
import { announce } from '../shared/announce';
import { useAction } from '../shared/hooks/use-action';
import { useBrandChoice } from '../shared/hooks/use-brand-choice';
import { usePartnershipList } from '../partnerships/use-partnership-list';
import { BusinessChoice } from './BusinessChoice';
import { ContentFiltersForm, NO_FILTERS, type ContentFilterChoice } from './ContentFiltersForm';
import { ContentLookup } from './ContentLookup';
import { ContentTable } from './ContentTable';
import { contentRoute } from './content-route';
import { hubUrl } from './partnership-ads-hub';
import { useContentPages, type ContentFilters } from './use-content-pages';

const listOf = (value: string) => (value ? [value] : undefined);

function filtersOf(choice: ContentFilterChoice): ContentFilters {
  return {
    creatorIgIds: listOf(choice.creator),
    eligibility: listOf(choice.eligibility) as ContentFilters['eligibility'],
    adUsage: listOf(choice.adUsage) as ContentFilters['adUsage'],
    postTypes: listOf(choice.postType) as ContentFilters['postTypes'],
    startDate: choice.startDate || undefined,
    endDate: choice.endDate || undefined,
    sort: choice.sort,
  };
}

/** Dashboard view Content: the chosen brand's creator posts that may run as partnership ads, filtered at Meta. */
export function ContentView({ route }: { route: string }) {
  const { brands, brand, selectBrand, error: accessError } = useBrandChoice();
  const { creatorIgId: routeCreator, brandIgId: routeBrand } = contentRoute(route);
  // A link for one brand's creator ("Posts ready for ads" from All brands or the popup) chooses that brand.
  useEffect(() => {
    if (routeBrand && routeBrand !== brand?.igId && brands.some((candidate) => candidate.igId === routeBrand)) void selectBrand(routeBrand);
  }, [routeBrand, brands.length]);
  const [choice, setChoice] = useState<ContentFilterChoice>({ ...NO_FILTERS, creator: routeCreator ?? '' });
  // "Posts ready for ads" opens this view with a creator: a new one replaces the creator filter.
  useEffect(() => setChoice((previous) => ({ ...previous, creator: routeCreator ?? '' })), [routeCreator]);
  const datesReversed = Boolean(choice.startDate && choice.endDate && choice.startDate > choice.endDate);
  const filters = useMemo(() => filtersOf(choice), [choice]);
  const brandIgId = brand?.readiness.ready && !datesReversed ? brand.igId : undefined;
  const pages = useContentPages(brandIgId, filters);
  const { list } = usePartnershipList(brand?.readiness.ready ? brand.igId : undefined);
  const action = useAction();
  const [lookup, setLookup] = useState<LookupOutcome>();
  const [changing, setChanging] = useState<{ current?: Business; businesses: Business[] }>();
  useEffect(() => setLookup(undefined), [brand?.igId]);

  const permissions = list?.value ?? [];
  const shown = useMemo(() => withPermissions(lookup?.rows ?? pages.rows, permissions), [lookup, pages.rows, permissions]);
  // The brand's approved creators with an Instagram ID (Meta filters by it), and the one the route asked for.
  const creators = useMemo(() => {
    const approved = permissions
      .filter((permission) => permission.creatorId && statusGroup(permission.status) === 'approved')
      .map((permission) => ({
        igId: permission.creatorId!,
        label: permission.creatorUsername ? `@${permission.creatorUsername}` : permission.creatorId!,
      }));
    if (choice.creator && !approved.some((creator) => creator.igId === choice.creator))
      approved.unshift({ igId: choice.creator, label: choice.creator });
    return approved;
  }, [permissions, choice.creator]);

  if (!brand) {
    return (
      <section aria-labelledby="content-heading">
        <h2 id="content-heading">{t('contentHeading')}</h2>
        <ErrorNotice error={accessError} />
        {!accessError && <p class="muted">{brands.length === 0 ? t('partnershipsLookingForBrands') : ''}</p>}
      </section>
    );
  }

  const answer = pages.answer;
  const business = pages.ready?.business;

  function chooseBusiness(businessId: string) {
    if (!brand) return;
    void action.run(async () => {
      const chosen = await sendMessage('chooseContentBusiness', { brandIgId: brand.igId, businessId });
      setChanging(undefined);
      announce(t('contentBusinessChosen', { name: chosen.name }));
    });
  }

  function askToChangeBusiness() {
    if (!brand) return;
    void action.run(async () => setChanging(await sendMessage('listContentBusinesses', { brandIgId: brand.igId })));
  }

  function findPosts(lines: string[]) {
    if (!brand) return;
    void action.run(async () => {
      const found = await sendMessage('lookupContent', { brandIgId: brand.igId, lines });
      if (found.state !== 'ready') return void pages.reload();
      setLookup(found);
      announce(plural('contentLookupFound', found.rows.length));
    });
  }

  function exportCsv() {
    if (!brand) return;
    downloadCsv(
      csvFileName(brand.username, 'content'),
      contentCsv(
        shown.map((entry) => entry.row),
        say,
      ),
    );
  }

  return (
    <section aria-labelledby="content-heading">
      <div class="row view-heading">
        <h2 id="content-heading">{t('contentHeading')}</h2>
        <RefreshBar fetchedAt={pages.ready?.fetchedAt} refreshing={pages.refreshing} onRefresh={() => void pages.refresh()} />
      </div>
      <BrandPicker brands={brands} selected={brand.igId} onSelect={selectBrand} />
      {!brand.readiness.ready && (
        <p class="notice error" role="alert">
          {t('partnershipsOffForBrand', {
            brand: brand.username,
            problems: brand.readiness.problems.map((problem) => say(problem.message)).join(' '),
          })}
        </p>
      )}
      {answer?.state === 'no-business' && <p class="notice info">{say(businessNeededWords('no-business'))}</p>}
      {(answer?.state === 'choose-business' || changing) && (
        <div class="notice info">
          <p>{say(businessNeededWords('choose-business'))}</p>
          <BusinessChoice
            key={brand.igId}
            businesses={changing?.businesses ?? (answer?.state === 'choose-business' ? answer.businesses : [])}
            current={changing?.current?.id}
            busy={action.busy}
            onChoose={chooseBusiness}
            onCancel={changing ? () => setChanging(undefined) : undefined}
          />
        </div>
      )}
      {business && !changing && (
        <p class="row muted">
          <span>{t('contentBusinessCurrent', { name: business.name })}</span>
          <button type="button" onClick={askToChangeBusiness} disabled={action.busy}>
            {t('contentBusinessChange')}
          </button>
          <a href={hubUrl(business.id)} target="_blank" rel="noopener noreferrer">
            {t('contentHubLink')}
          </a>
        </p>
      )}
      {business && <p class="muted">{t('contentHubHint')}</p>}
      <ErrorNotice error={action.error ?? pages.error} />
      {datesReversed && (
        <p class="notice error" role="alert">
          {t('contentDatesReversed')}
        </p>
      )}
      {answer?.state !== 'choose-business' && answer?.state !== 'no-business' && (
        <>
          <ContentLookup busy={action.busy} outcome={lookup} onLookup={findPosts} onClear={() => setLookup(undefined)} />
          {!lookup && <ContentFiltersForm choice={choice} onChoice={setChoice} creators={creators} />}
          <div class="row">
            <span class="muted" role="status">
              {pages.loading
                ? t('contentLoading', { brand: brand.username })
                : pages.ready || lookup
                  ? plural('contentShown', shown.length)
                  : ''}
            </span>
            <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
              {t('commonExportCsv')}
            </button>
          </div>
          {pages.loading && <progress aria-label={t('contentLoading', { brand: brand.username })} />}
          {(pages.ready || lookup) && shown.length === 0 && <p class="muted">{lookup ? t('contentLookupNone') : t('contentNone')}</p>}
          {shown.length > 0 && <ContentTable rows={shown} />}
          {!lookup && pages.nextCursor && (
            <button type="button" onClick={() => void pages.loadMore()} disabled={pages.loadingMore}>
              {t('contentLoadMore')}
            </button>
          )}
          {pages.loadingMore && <progress aria-label={t('contentLoadingMore')} />}
        </>
      )}
    </section>
  );
}
