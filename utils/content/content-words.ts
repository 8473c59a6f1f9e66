import { said, type MessageKey, type Said, type Words } from '../i18n/said';

/**
 * What Meta's eligibility and ad-usage values mean to people (ui-contract.md, "Eligibility
 * words in Partnership content"), whatever their casing; any other value is shown exactly as
 * received. Pages filter and sort by the keys, so a value Meta adds later still has a place.
 */
export const ELIGIBILITY_KEYS = ['AD_READY', 'NEEDS_ATTENTION', 'INELIGIBLE', 'EXCLUDED'] as const;
export const AD_USAGE_KEYS = ['NEVER_USED', 'ACTIVE', 'PREVIOUSLY_USED'] as const;
export type EligibilityKey = (typeof ELIGIBILITY_KEYS)[number];
export type AdUsageKey = (typeof AD_USAGE_KEYS)[number];

const ELIGIBILITY_WORDS = {
  AD_READY: 'contentEligibilityReady',
  NEEDS_ATTENTION: 'contentEligibilityAttention',
  INELIGIBLE: 'contentEligibilityIneligible',
  EXCLUDED: 'contentEligibilityExcluded',
} as const satisfies Record<EligibilityKey, MessageKey>;

const AD_USAGE_WORDS = {
  NEVER_USED: 'contentAdUsageNever',
  ACTIVE: 'contentAdUsageActive',
  PREVIOUSLY_USED: 'contentAdUsagePrevious',
} as const satisfies Record<AdUsageKey, MessageKey>;

/** "ad-ready", "Ad Ready " and "AD_READY" are one value. */
const normalised = (value: string) =>
  value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');

export function eligibilityKey(value: string | undefined): EligibilityKey | undefined {
  if (value === undefined) return undefined;
  const name = normalised(value);
  return name in ELIGIBILITY_WORDS ? (name as EligibilityKey) : undefined;
}

export function adUsageKey(value: string | undefined): AdUsageKey | undefined {
  if (value === undefined) return undefined;
  const name = normalised(value);
  return name in AD_USAGE_WORDS ? (name as AdUsageKey) : undefined;
}

/** "Ready for ads", ... or Meta's value exactly as received; '' when Meta gave none. */
export function eligibilityWord(value: string | undefined): Words {
  const key = eligibilityKey(value);
  return key ? said(ELIGIBILITY_WORDS[key]) : (value ?? '');
}

/** "Never used", "Running now", "Used before", or Meta's value exactly as received; '' when Meta gave none. */
export function adUsageWord(value: string | undefined): Words {
  const key = adUsageKey(value);
  return key ? said(AD_USAGE_WORDS[key]) : (value ?? '');
}

/** What the Content view says for each line a lookup could not show: Meta does not know it, or it is neither an ad code nor a post link. */
export function lookupNotes(outcome: { notFound: readonly string[]; invalid: readonly string[] }): Array<{ input: string; note: Said }> {
  return [
    ...outcome.invalid.map((input) => ({ input, note: said('contentLookupInvalid', { input }) })),
    ...outcome.notFound.map((input) => ({ input, note: said('contentLookupNotFound', { input }) })),
  ];
}

/** What the Content view says when no business is chosen yet: choose one (kept per brand), or there is none to read under. */
export function businessNeededWords(state: 'choose-business' | 'no-business'): Said {
  return said(state === 'choose-business' ? 'contentChooseBusiness' : 'contentNoBusiness');
}
