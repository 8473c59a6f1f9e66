import { toCsv } from '../export/csv';
import type { Words } from '../i18n/said';
import { INSIGHT_NAMES, type ContentRow } from './content-row';
import { adUsageWord, eligibilityWord } from './content-words';

/**
 * The Partnership content table as CSV, formula-safe like every export (utils/export/csv.ts):
 * eligibility and ad usage in the reader's words beside Meta's values exactly as received, and
 * counts Meta did not give left blank, never zero. `say` is the page's translator.
 */
export function contentCsv(rows: readonly ContentRow[], say: (words: Words) => string): string {
  const columns = [
    'content_id',
    'creator_username',
    'creator_ig_user_id',
    'platform',
    'media_type',
    'post_type',
    'created_on',
    'caption',
    'eligibility',
    'meta_eligibility',
    'ad_usage',
    'meta_ad_usage',
    'ad_code',
    'permalink',
    ...INSIGHT_NAMES,
  ];
  return toCsv(
    columns,
    rows.map((row) => [
      row.contentId,
      row.creator.username,
      row.creator.igUserId,
      row.platform,
      row.mediaType,
      row.postType,
      row.createdOn,
      row.caption,
      say(eligibilityWord(row.eligibility)),
      row.eligibility,
      say(adUsageWord(row.adUsage)),
      row.adUsage,
      row.adCode,
      row.permalink,
      ...INSIGHT_NAMES.map((name) => row.insights[name]),
    ]),
  );
}
