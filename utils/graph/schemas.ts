import * as z from 'zod/mini';
import { readGraphId } from './graph-id';

/**
 * Meta's answers are read field by field, as its pages and SDKs disagree on types: a field of
 * an unexpected type costs that field (read as absent), never the record or the list.
 */
export const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/** A Graph ID, read as every record's IDs are (readGraphId); a value that is none fails its record. */
const graphId = z.pipe(
  z.unknown(),
  z.transform((value, context) => {
    const id = readGraphId(value);
    if (id === undefined) context.issues.push({ code: 'custom', message: 'not a Graph ID', input: value });
    return id ?? z.NEVER;
  }),
);

export const profileSchema = z.object({ id: graphId, name: z.catch(z.string(), '') });

/** DELETE /me/permissions answers `true` or `{"success":true}` depending on the version. */
export const successSchema = z.union([z.literal(true), z.object({ success: z.boolean() })]);

/** A Page from /me/accounts; the Instagram account is absent on Pages without one (or when Meta's is unreadable). */
export const pageRecordSchema = z.object({
  id: graphId,
  name: z.catch(z.string(), ''),
  // A task of another type is dropped, the Page's other tasks kept.
  tasks: lenient(
    z.pipe(
      z.array(z.unknown()),
      z.transform((tasks) => tasks.filter((task) => typeof task === 'string')),
    ),
  ),
  has_transitioned_to_new_page_experience: lenient(z.boolean()),
  instagram_business_account: lenient(
    z.object({
      id: graphId,
      username: lenient(z.string()),
      name: lenient(z.string()),
      profile_picture_url: lenient(z.string()),
    }),
  ),
});

/** An entry of /me/permissions. */
export const permissionEntrySchema = z.object({ permission: z.string(), status: z.string() });
