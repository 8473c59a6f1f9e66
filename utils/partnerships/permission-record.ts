import { z } from 'zod';

/**
 * One creator's partnership-ad permission for a brand. Meta's pages disagree on the field
 * names (guide: creator_id, creator_fb_page, brand_ig_user{id}; v25 reference: creator_ig_id,
 * creator_fb_page_id, brand_ig_id, permission_created_time...; SDK: status), so every
 * documented name is accepted and nothing is dropped for lack of a field.
 */
export interface PartnershipPermission {
  id?: string;
  creatorUsername?: string;
  creatorId?: string;
  brandIgId?: string;
  /** The status exactly as Meta sent it. */
  status: string;
  /** ISO time the request was made, when Meta gives it. */
  requestedAt?: string;
}

const idLike = z.union([z.string(), z.number()]).transform(String);

const rawRecordSchema = z.object({
  id: idLike.optional(),
  creator_username: z.string().optional(),
  creator_ig_id: idLike.optional(),
  creator_id: idLike.optional(),
  brand_ig_id: idLike.optional(),
  brand_ig_user: z.object({ id: idLike.optional() }).optional(),
  permission_status: z.string().optional(),
  status: z.string().optional(),
  permission_created_time: z.string().optional(),
  created_time: z.string().optional(),
});

/** Accepts any object (the list edge's items); unusable values become absent fields. */
export const permissionItemSchema = z.record(z.string(), z.unknown());

export function parsePermissionRecord(raw: Record<string, unknown>): PartnershipPermission {
  const parsed = rawRecordSchema.safeParse(raw);
  const record = parsed.success ? parsed.data : {};
  return {
    id: record.id,
    creatorUsername: record.creator_username?.toLowerCase(),
    creatorId: record.creator_ig_id ?? record.creator_id,
    brandIgId: record.brand_ig_id ?? record.brand_ig_user?.id,
    status: record.permission_status ?? record.status ?? 'UNKNOWN',
    requestedAt: normalizeTime(record.permission_created_time ?? record.created_time),
  };
}

/** Meta writes times as 2026-01-05T00:00:00+0000, which not every parser accepts. */
function normalizeTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
