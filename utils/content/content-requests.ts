import * as z from 'zod/mini';
import { said, type MessageKey } from '../i18n/said';
import { readDay } from '../notes/note';
import { MAX_LOOKUP_ENTRIES } from './content-lookup';
import { CONTENT_TYPES, MEDIA_TYPES, POST_TYPES } from './content-query';
import { AD_USAGE_KEYS, ELIGIBILITY_KEYS } from './content-words';

/**
 * The Content view's requests to the background (spread into utils/messaging/request-schemas.ts,
 * checked on arrival like every other request). zod's messages are message keys.
 */
const key = (messageKey: MessageKey) => messageKey;
const igId = z.string().check(z.regex(/^\d{1,30}$/, key('requestNotIgId')));
// A page sends days from a date input; anything else is refused as not understood.
const day = z.string().check(z.refine((value) => readDay(value) === value));
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values)).check(z.maxLength(values.length));

export const contentFiltersSchema = z
  .strictObject({
    creatorIgIds: z.optional(z.array(igId).check(z.maxLength(50))),
    eligibility: z.optional(oneOf(ELIGIBILITY_KEYS)),
    adUsage: z.optional(oneOf(AD_USAGE_KEYS)),
    contentTypes: z.optional(oneOf(CONTENT_TYPES)),
    mediaTypes: z.optional(oneOf(MEDIA_TYPES)),
    postTypes: z.optional(oneOf(POST_TYPES)),
    startDate: z.optional(day),
    endDate: z.optional(day),
    sort: z.optional(z.enum(['RECOMMENDED', 'DATE'])),
  })
  .check(z.refine((filters) => !filters.startDate || !filters.endDate || filters.startDate <= filters.endDate));

/** A page of content: the brand, the filters, and the cursor Meta gave with the page before (none: the first page). */
const contentPage = z.strictObject({
  brandIgId: igId,
  filters: contentFiltersSchema,
  after: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});

export const contentRequestSchemas = {
  listContent: contentPage,
  refreshContent: contentPage,
  lookupContent: z.strictObject({
    brandIgId: igId,
    // Ad codes and post links, one per entry; the background reads which is which.
    lines: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))).check(
      z.minLength(1),
      z.superRefine((lines: readonly string[], context) => {
        if (lines.length > MAX_LOOKUP_ENTRIES) {
          context.addIssue({
            code: 'custom',
            message: 'contentLookupTooMany',
            params: { said: said('contentLookupTooMany', { max: MAX_LOOKUP_ENTRIES }) },
          });
        }
      }),
    ),
  }),
  listContentBusinesses: z.strictObject({ brandIgId: igId }),
  chooseContentBusiness: z.strictObject({ brandIgId: igId, businessId: igId }),
} as const;
