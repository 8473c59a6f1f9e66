import { z } from 'zod';

export const profileSchema = z.object({ id: z.string(), name: z.string() });

/** DELETE /me/permissions answers `true` or `{"success":true}` depending on the version. */
export const successSchema = z.union([z.literal(true), z.object({ success: z.boolean() })]);
