import { said, type Words } from '../i18n/said';
import { readGraphId } from '../graph/graph-id';
import { statusGroup } from './status';

/**
 * One creator's partnership-ad permission for a brand, read from whatever Meta sent.
 *
 * Meta's pages disagree on names and types: the guide says creator_id, creator_fb_page,
 * brand_ig_user{id}; the v25 reference creator_ig_id, brand_ig_id, permission_created_time,
 * permission_url; the SDK id, permission_type, status; the business-level edge types times
 * and statuses as integers and nests creator_ig_user. Each field is read on its own, so an
 * unexpected type costs that field only, never the record.
 */
export interface PartnershipPermission {
  id?: string;
  creatorUsername?: string;
  creatorId?: string;
  brandIgId?: string;
  /** The status exactly as Meta sent it ('' when it sent none); see status.ts for its meaning. */
  status: string;
  /** ISO time the request was made, when Meta gives it. */
  requestedAt?: string;
  /** Where the creator accepts, when Meta gives it. */
  permissionUrl?: string;
}

type Raw = Record<string, unknown>;

export function parsePermissionRecord(raw: Raw): PartnershipPermission {
  const creator = objectField(raw, 'creator_ig_user');
  const brand = objectField(raw, 'brand_ig_user');
  return {
    id: readGraphId(raw.id),
    creatorUsername: readUsername(raw.creator_username) ?? readUsername(creator?.username),
    creatorId: readGraphId(raw.creator_ig_id) ?? readGraphId(raw.creator_id) ?? readGraphId(creator?.id),
    brandIgId: readGraphId(raw.brand_ig_id) ?? readGraphId(brand?.id) ?? readGraphId(raw.brand_ig_user),
    status: readStatus(raw.permission_status) ?? readStatus(raw.status) ?? '',
    requestedAt: readTime(raw.permission_created_time) ?? readTime(raw.created_time),
    permissionUrl: readHttpsUrl(raw.permission_url),
  };
}

/** The list edge's items: anything that is an object becomes a record, whatever its fields hold. */
export function parsePermissionItems(items: readonly unknown[]): PartnershipPermission[] {
  const records: PartnershipPermission[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) records.push(parsePermissionRecord(item as Raw));
  }
  return records;
}

/** Whether a record is about this creator: the same username, or the same Instagram ID (Meta may give either). */
export function isSameCreator(
  record: { creatorUsername?: string; creatorId?: string },
  creator: { creatorUsername?: string; creatorId?: string },
): boolean {
  return (
    (creator.creatorUsername !== undefined && record.creatorUsername === creator.creatorUsername) ||
    (creator.creatorId !== undefined && record.creatorId === creator.creatorId)
  );
}

/**
 * Which of two records of one creator decides the creator's standing (Meta's documents do not
 * say a creator has only one): a request still standing (approved or pending) over one that
 * ended, so no one is asked twice and a grant is never hidden; else the newer request; else
 * the first found.
 */
export function decidingRecord<T extends { status: string; requestedAt?: string }>(first: T, second: T): T {
  const standing = (record: T) => ['approved', 'pending'].includes(statusGroup(record.status));
  if (standing(first) !== standing(second)) return standing(first) ? first : second;
  return (second.requestedAt ?? '') > (first.requestedAt ?? '') ? second : first;
}

type Findable = { creatorUsername?: string; creatorId?: string };

/**
 * Finds records by creator as isSameCreator matches them (username, else Instagram ID), in
 * constant time: merging a batch's changes into a list of thousands stays linear. Of several
 * records for one creator, `keep` says which is found: the first (the first change of a
 * creator stands) unless told otherwise, e.g. decidingRecord for a creator's standing.
 */
export function creatorIndex<T extends Findable>(records: readonly T[], keep: (found: T, record: T) => T = (found) => found) {
  const byUsername = new Map<string, T>();
  const byId = new Map<string, T>();
  const put = (map: Map<string, T>, key: string, record: T) => {
    const found = map.get(key);
    map.set(key, found ? keep(found, record) : record);
  };
  for (const record of records) {
    if (record.creatorUsername !== undefined) put(byUsername, record.creatorUsername, record);
    if (record.creatorId !== undefined) put(byId, record.creatorId, record);
  }
  return {
    find: (creator: { creatorUsername?: string; creatorId?: string }): T | undefined =>
      (creator.creatorUsername !== undefined ? byUsername.get(creator.creatorUsername) : undefined) ??
      (creator.creatorId !== undefined ? byId.get(creator.creatorId) : undefined),
  };
}

/**
 * A creator's record on a brand's list, by username. A list with records Meta gave without a
 * username cannot say a creator it does not name was never asked (a nameless record may be
 * theirs): then `vouched` is false and only a lookup by name can tell.
 */
export function listedRecordOf<T extends Findable & { status: string; requestedAt?: string }>(
  records: readonly T[],
  username: string,
): { record?: T; vouched: boolean } {
  let record: T | undefined;
  let nameless = false;
  for (const candidate of records) {
    if (candidate.creatorUsername === undefined) nameless = true;
    else if (candidate.creatorUsername === username) record = record ? decidingRecord(record, candidate) : candidate;
  }
  return { record, vouched: record !== undefined || !nameless };
}

/** How a creator is named to people: @username, or the Instagram ID when Meta gave no name. */
export function creatorLabel(record: { creatorUsername?: string; creatorId?: string; id?: string }): Words {
  if (record.creatorUsername) return `@${record.creatorUsername}`;
  if (record.creatorId) return said('creatorById', { id: record.creatorId });
  return record.id ? said('creatorByPermissionId', { id: record.id }) : said('creatorUnknown');
}

function objectField(raw: Raw, name: string): Raw | undefined {
  const value = raw[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

function readUsername(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().replace(/^@/, '').toLowerCase();
  return /^[a-z0-9._]{1,30}$/.test(name) ? name : undefined;
}

/** Statuses come as words in any casing, or as numbers (the business edge's integers). */
function readStatus(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Times come as ISO strings, with "+0000" offsets, or as Unix seconds or milliseconds (numbers or digits). */
export function readTime(value: unknown): string | undefined {
  let epochMs: number;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,16}$/.test(value.trim()))) {
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) return undefined;
    // Seconds until the year 5138 stay below 1e11; milliseconds since 1973 are above it.
    epochMs = number < 1e11 ? number * 1000 : number;
  } else if (typeof value === 'string') {
    epochMs = Date.parse(value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  } else {
    return undefined;
  }
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > 8.64e15) return undefined;
  return new Date(epochMs).toISOString();
}

function readHttpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
