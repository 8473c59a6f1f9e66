import { z } from 'zod';

/** What each request to the background may carry; the background rejects anything else. */
export const requestSchemas = {
  getAuthState: z.undefined(),
  connect: z.object({ rerequest: z.boolean().optional() }).strict(),
  disconnect: z.object({ deauthorize: z.boolean() }).strict(),
  refreshProfile: z.undefined(),
  getSettings: z.undefined(),
  getAccessOverview: z.undefined(),
  refreshAccessOverview: z.undefined(),
  selectBrand: z.object({ igId: z.string().regex(/^\d{1,30}$/, 'That is not an Instagram account ID.') }).strict(),
  saveSettings: z.object({ metaAppId: z.string().trim().regex(/^\d{0,20}$/, 'A Meta app ID is made of digits only.') }).strict(),
} as const;

