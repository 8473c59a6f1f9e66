import { z } from 'zod';

/** What each request to the background may carry; the background rejects anything else. */
export const requestSchemas = {
  getAuthState: z.undefined(),
  connect: z.object({ rerequest: z.boolean().optional() }).strict(),
  disconnect: z.object({ deauthorize: z.boolean() }).strict(),
  refreshProfile: z.undefined(),
  getSettings: z.undefined(),
  saveSettings: z.object({ metaAppId: z.string().trim().regex(/^\d{0,20}$/, 'A Meta app ID is made of digits only.') }).strict(),
} as const;

