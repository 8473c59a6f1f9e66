import { z } from 'zod';
import { MAX_CREATORS, MAX_LIST_ENTRIES } from '../bulk/limits';
import { checkUsername } from '../instagram/username';
import { said, type MessageKey } from '../i18n/said';

/** zod's messages here are message keys (serve.ts says them); a custom issue may carry a whole Said in params. */
const key = (messageKey: MessageKey) => messageKey;

/** A list of at most `max` entries, saying the limit in the person's numbers. */
const atMost =
  (max: number, messageKey: MessageKey) =>
  (list: readonly unknown[], context: z.RefinementCtx): void => {
    if (list.length > max) context.addIssue({ code: 'custom', message: messageKey, params: { said: said(messageKey, { max }) } });
  };

const igId = z.string().regex(/^\d{1,30}$/, key('requestNotIgId'));

/** A creator's username, normalised (no @, lower case), or the reason it cannot be one. */
const username = z.string().transform((value, context) => {
  const check = checkUsername(value);
  if (check.ok) return check.username;
  context.addIssue({ code: 'custom', message: check.reason.key, params: { said: check.reason } });
  return z.NEVER;
});

/** What each request to the background may carry; the background rejects anything else. */
export const requestSchemas = {
  getAuthState: z.undefined(),
  connect: z.object({ rerequest: z.boolean().optional() }).strict(),
  disconnect: z.object({ deauthorize: z.boolean() }).strict(),
  refreshProfile: z.undefined(),
  getSettings: z.undefined(),
  getAccessOverview: z.undefined(),
  refreshAccessOverview: z.undefined(),
  selectBrand: z.object({ igId }).strict(),
  listPartnerships: z.object({ brandIgId: igId }).strict(),
  refreshPartnerships: z.object({ brandIgId: igId }).strict(),
  lookupCreator: z.object({ brandIgId: igId, username }).strict(),
  sendPartnershipRequest: z.object({ brandIgId: igId, username }).strict(),
  // Meta documents revoke by Instagram ID; a record without a username is revoked by it alone.
  revokePartnership: z
    .object({ brandIgId: igId, username: username.optional(), creatorId: igId.optional() })
    .strict()
    .refine((request) => request.username !== undefined || request.creatorId !== undefined, key('requestNoCreator')),
  listKeptActions: z.undefined(),
  planBulkJob: z
    .object({
      brandIgId: igId,
      kind: z.enum(['send', 'revoke']),
      usernames: z.array(username).min(1, key('requestNoCreators')).superRefine(atMost(MAX_CREATORS, 'requestTooManyCreators')),
      invalid: z
        // Only the line: the background says itself why it is not a username (words never come from a page).
        .array(z.object({ input: z.string().max(300) }))
        .superRefine(atMost(MAX_LIST_ENTRIES, 'requestTooManyLines')),
    })
    .strict(),
  startBulkJob: z.object({ jobId: z.string().max(100) }).strict(),
  discardBulkPlan: z.object({ jobId: z.string().max(100) }).strict(),
  getBulkJob: z.object({ jobId: z.string().max(100).optional() }).strict(),
  pauseBulkJob: z.object({ jobId: z.string().max(100) }).strict(),
  resumeBulkJob: z.object({ jobId: z.string().max(100) }).strict(),
  cancelBulkJob: z.object({ jobId: z.string().max(100) }).strict(),
  retryFailedBulkJob: z.object({ jobId: z.string().max(100) }).strict(),
  getAuditLog: z.undefined(),
  clearAuditLog: z.undefined(),
  retryKeptAction: z.object({ id: z.string().max(200) }).strict(),
  discardKeptAction: z.object({ id: z.string().max(200) }).strict(),
  saveSettings: z
    .object({
      metaAppId: z
        .string()
        .trim()
        .regex(/^\d{0,20}$/, key('settingsAppIdDigits')),
      loginConfigId: z
        .string()
        .trim()
        .regex(/^\d{0,20}$/, key('settingsConfigIdDigits'))
        .optional(),
    })
    .strict(),
} as const;
