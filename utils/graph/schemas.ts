import { z } from 'zod';

export const profileSchema = z.object({ id: z.string(), name: z.string() });

/** DELETE /me/permissions answers `true` or `{"success":true}` depending on the version. */
export const successSchema = z.union([z.literal(true), z.object({ success: z.boolean() })]);

/** A Page from /me/accounts; the Instagram account is absent on Pages without one. */
export const pageRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  tasks: z.array(z.string()).optional(),
  has_transitioned_to_new_page_experience: z.boolean().optional(),
  instagram_business_account: z
    .object({ id: z.string(), username: z.string().optional(), name: z.string().optional(), profile_picture_url: z.string().optional() })
    .optional(),
});

/** An entry of /me/permissions. */
export const permissionEntrySchema = z.object({ permission: z.string(), status: z.string() });
