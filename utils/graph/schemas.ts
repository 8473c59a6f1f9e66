import * as z from 'zod/mini';

export const profileSchema = z.object({ id: z.string(), name: z.string() });

/** DELETE /me/permissions answers `true` or `{"success":true}` depending on the version. */
export const successSchema = z.union([z.literal(true), z.object({ success: z.boolean() })]);

/** A Page from /me/accounts; the Instagram account is absent on Pages without one. */
export const pageRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  tasks: z.optional(z.array(z.string())),
  has_transitioned_to_new_page_experience: z.optional(z.boolean()),
  instagram_business_account: z.optional(
    z.object({
      id: z.string(),
      username: z.optional(z.string()),
      name: z.optional(z.string()),
      profile_picture_url: z.optional(z.string()),
    }),
  ),
});

/** An entry of /me/permissions. */
export const permissionEntrySchema = z.object({ permission: z.string(), status: z.string() });
