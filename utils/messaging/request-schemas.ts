import * as z from 'zod/mini';
import { MAX_CREATORS, MAX_LIST_ENTRIES } from '../bulk/limits';
import { checkUsername } from '../instagram/username';
import { said, type MessageKey } from '../i18n/said';
import { WATCH_EVERY_HOURS } from '../watch/watch-settings';
import { readDay } from '../notes/note';
import { contentRequestSchemas } from '../content/content-requests';

/** zod's messages here are message keys (serve.ts says them); a custom issue may carry a whole Said in params. */
const key = (messageKey: MessageKey) => messageKey;

/** A list of at most `max` entries, saying the limit in the person's numbers. */
const atMost = (max: number, messageKey: MessageKey) =>
  z.superRefine((list: readonly unknown[], context) => {
    if (list.length > max) context.addIssue({ code: 'custom', message: messageKey, params: { said: said(messageKey, { max }) } });
  });

const igId = z.string().check(z.regex(/^\d{1,30}$/, key('requestNotIgId')));

/** A creator's username, normalised (no @, lower case), or the reason it cannot be one. */
const username = z.pipe(
  z.string(),
  z.transform((value: string, context) => {
    const check = checkUsername(value);
    if (check.ok) return check.username;
    // zod/mini's transform context has no addIssue: the issue goes on the list as classic zod's addIssue put it.
    context.issues.push({ code: 'custom', message: check.reason.key, params: { said: check.reason }, input: value });
    return z.NEVER;
  }),
);

/** A job's ID, as the background gave it. */
const jobId = z.string().check(z.maxLength(100));
/** A kept action's ID. */
const keptActionId = z.string().check(z.maxLength(200));

/** Digits only (or nothing), after trimming the spaces a paste may bring. */
const digits = (messageKey: MessageKey) => z.string().check(z.trim(), z.regex(/^\d{0,20}$/, key(messageKey)));

/** What each request to the background may carry; the background rejects anything else. */
export const requestSchemas = {
  getAuthState: z.undefined(),
  getProfileStatusSetting: z.undefined(),
  saveProfileStatusSetting: z.strictObject({ enabled: z.boolean() }),
  connect: z.strictObject({ rerequest: z.optional(z.boolean()) }),
  disconnect: z.strictObject({ deauthorize: z.boolean() }),
  refreshProfile: z.undefined(),
  getSettings: z.undefined(),
  getAccessOverview: z.undefined(),
  refreshAccessOverview: z.undefined(),
  selectBrand: z.strictObject({ igId }),
  listPartnerships: z.strictObject({ brandIgId: igId }),
  refreshPartnerships: z.strictObject({ brandIgId: igId }),
  lookupCreator: z.strictObject({ brandIgId: igId, username }),
  lookupCreatorAcrossBrands: z.strictObject({ username }),
  listAllPartnerships: z.undefined(),
  refreshAllPartnerships: z.undefined(),
  getWatch: z.undefined(),
  saveWatchSettings: z.strictObject({
    enabled: z.boolean(),
    everyHours: z.union(WATCH_EVERY_HOURS.map((hours) => z.literal(hours))),
  }),
  runWatchNow: z.undefined(),
  markWatchNewsSeen: z.strictObject({ upToId: z.number().check(z.int(), z.nonnegative()) }),
  listNotes: z.undefined(),
  saveNote: z.strictObject({
    brandIgId: igId,
    username,
    endDate: z.string().check(z.refine((value) => value === '' || readDay(value) === value, key('notesEndDateInvalid'))),
    campaign: z.string().check(z.trim(), z.maxLength(200, key('notesCampaignTooLong'))),
  }),
  saveNotes: z.strictObject({
    brandIgId: igId,
    notes: z
      .array(
        z.strictObject({
          username,
          endDate: z.optional(z.string().check(z.refine((value) => readDay(value) === value, key('notesEndDateInvalid')))),
          campaign: z.optional(z.string().check(z.trim(), z.maxLength(200, key('notesCampaignTooLong')))),
        }),
      )
      .check(atMost(MAX_CREATORS, 'requestTooManyCreators')),
  }),
  deleteAllNotes: z.undefined(),
  exportBackup: z.undefined(),
  // The file's content is checked by the handler against the backup's own schema, which says where it is wrong.
  importBackup: z.strictObject({ backup: z.unknown(), overwrite: z.boolean() }),
  sendPartnershipRequest: z.strictObject({ brandIgId: igId, username }),
  // Meta documents revoke by Instagram ID; a record without a username is revoked by it alone.
  revokePartnership: z
    .strictObject({ brandIgId: igId, username: z.optional(username), creatorId: z.optional(igId) })
    .check(z.refine((request) => request.username !== undefined || request.creatorId !== undefined, key('requestNoCreator'))),
  listKeptActions: z.undefined(),
  planBulkJob: z.strictObject({
    brandIgId: igId,
    kind: z.enum(['send', 'revoke']),
    usernames: z.array(username).check(z.minLength(1, key('requestNoCreators')), atMost(MAX_CREATORS, 'requestTooManyCreators')),
    invalid: z
      // Only the line: the background says itself why it is not a username (words never come from a page).
      .array(z.object({ input: z.string().check(z.maxLength(300)) }))
      .check(atMost(MAX_LIST_ENTRIES, 'requestTooManyLines')),
  }),
  startBulkJob: z.strictObject({ jobId }),
  discardBulkPlan: z.strictObject({ jobId }),
  getBulkJob: z.strictObject({ jobId: z.optional(jobId) }),
  pauseBulkJob: z.strictObject({ jobId }),
  resumeBulkJob: z.strictObject({ jobId }),
  cancelBulkJob: z.strictObject({ jobId }),
  retryFailedBulkJob: z.strictObject({ jobId }),
  getAuditLog: z.undefined(),
  clearAuditLog: z.undefined(),
  retryKeptAction: z.strictObject({ id: keptActionId }),
  discardKeptAction: z.strictObject({ id: keptActionId }),
  saveSettings: z.strictObject({
    metaAppId: digits('settingsAppIdDigits'),
    loginConfigId: z.optional(digits('settingsConfigIdDigits')),
  }),
  ...contentRequestSchemas,
} as const;

/**
 * What the chip's content script on instagram.com may ask: nothing but its own tab's status
 * (the background reads the creator from the tab's address), and to open that answer. Both
 * carry no data: a request with any is refused, so no script can name another creator.
 */
export const tabRequestSchemas = {
  getProfileStatus: z.undefined(),
  openProfileStatus: z.undefined(),
} as const;
