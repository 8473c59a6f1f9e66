import { t } from '@/utils/i18n';
import type { MessageKey } from '@/utils/i18n/said';
import { AD_USAGE_KEYS, ELIGIBILITY_KEYS, adUsageWord, eligibilityWord } from '@/utils/content/content-words';
import { POST_TYPES, type ContentSort } from '@/utils/content/content-query';
import { say } from '@/utils/i18n';
import { POST_WORDS } from './content-kinds';

/** The filters as the form holds them: one value each ('' is any), sent to Meta as the view's ContentFilters. */
export interface ContentFilterChoice {
  creator: string;
  eligibility: string;
  adUsage: string;
  postType: string;
  startDate: string;
  endDate: string;
  sort: ContentSort;
}

export const NO_FILTERS: ContentFilterChoice = {
  creator: '',
  eligibility: '',
  adUsage: '',
  postType: '',
  startDate: '',
  endDate: '',
  sort: 'RECOMMENDED',
};

const SORT_WORDS: Record<ContentSort, MessageKey> = { RECOMMENDED: 'contentSortRecommended', DATE: 'contentSortNewest' };

/** Filters that run at Meta: each change asks Meta again (from the cache when asked before). */
export function ContentFiltersForm({
  choice,
  onChoice,
  creators,
}: {
  choice: ContentFilterChoice;
  onChoice: (choice: ContentFilterChoice) => void;
  /** The creators one may filter by: Instagram ID and @username. */
  creators: ReadonlyArray<{ igId: string; label: string }>;
}) {
  const set = (name: keyof ContentFilterChoice) => (event: Event) =>
    onChoice({ ...choice, [name]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  return (
    <fieldset class="content-filters">
      <legend>{t('contentFiltersLegend')}</legend>
      <div class="row">
        <div class="field">
          <label for="content-creator">{t('commonColumnCreator')}</label>
          <select id="content-creator" value={choice.creator} onChange={set('creator')}>
            <option value="">{t('contentAnyCreator')}</option>
            {creators.map((creator) => (
              <option key={creator.igId} value={creator.igId}>
                {creator.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="content-eligibility">{t('contentColumnEligibility')}</label>
          <select id="content-eligibility" value={choice.eligibility} onChange={set('eligibility')}>
            <option value="">{t('contentAny')}</option>
            {ELIGIBILITY_KEYS.map((key) => (
              <option key={key} value={key}>
                {say(eligibilityWord(key))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="content-ad-usage">{t('contentColumnAdUsage')}</label>
          <select id="content-ad-usage" value={choice.adUsage} onChange={set('adUsage')}>
            <option value="">{t('contentAny')}</option>
            {AD_USAGE_KEYS.map((key) => (
              <option key={key} value={key}>
                {say(adUsageWord(key))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="content-kind">{t('contentKindOfPost')}</label>
          <select id="content-kind" value={choice.postType} onChange={set('postType')}>
            <option value="">{t('contentAny')}</option>
            {POST_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(POST_WORDS[type]!)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="content-from">{t('contentFrom')}</label>
          <input id="content-from" type="date" value={choice.startDate} max={choice.endDate || undefined} onChange={set('startDate')} />
        </div>
        <div class="field">
          <label for="content-to">{t('contentTo')}</label>
          <input id="content-to" type="date" value={choice.endDate} min={choice.startDate || undefined} onChange={set('endDate')} />
        </div>
        <div class="field">
          <label for="content-sort">{t('contentOrder')}</label>
          <select id="content-sort" value={choice.sort} onChange={set('sort')}>
            {(Object.keys(SORT_WORDS) as ContentSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_WORDS[sort])}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
