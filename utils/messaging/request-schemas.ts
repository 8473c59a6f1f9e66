import { z } from 'zod';
import { MAX_CREATORS, MAX_LIST_ENTRIES } from '../bulk/limits';
import { checkUsername } from '../instagram/username';

const igId = z.string().regex(/^\d{1,30}$/, 'That is not an Instagram account ID.');

/** A creator's username, normalised (no @, lower case), or the reason it cannot be one. */
const username = z.string().transform((value, context) => {
  const check = checkUsername(value);
  if (check.ok) return check.username;
  context.addIssue({ code: 'custom', message: check.reason });
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
    .refine(
      (request) => request.username !== undefined || request.creatorId !== undefined,
      'Name the creator by username or Instagram ID.',
    ),
  listKeptActions: z.undefined(),
  planBulkJob: z
    .object({
      brandIgId: igId,
      kind: z.enum(['send', 'revoke']),
      usernames: z
        .array(username)
        .min(1, 'There is no creator to act on.')
        .max(MAX_CREATORS, `One job takes at most ${MAX_CREATORS.toLocaleString('en')} creators.`),
      invalid: z
        .array(z.object({ input: z.string().max(300), reason: z.string().max(300) }).strict())
        .max(MAX_LIST_ENTRIES, `Collab Desk checks at most ${MAX_LIST_ENTRIES.toLocaleString('en')} lines at a time.`),
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
        .regex(/^\d{0,20}$/, 'A Meta app ID is made of digits only.'),
      loginConfigId: z
        .string()
        .trim()
        .regex(/^\d{0,20}$/, 'A login configuration ID is made of digits only.')
        .optional(),
    })
    .strict(),
} as const;
