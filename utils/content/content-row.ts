import { readGraphId } from '../graph/graph-id';
import { readTime } from '../partnerships/permission-record';

/**
 * One post a brand may run as a partnership ad, read from whatever Meta's Content Discovery
 * edge (`/{business-id}/partnership-ads-advertisable-content`) sent.
 *
 * Most of what is known of its fields comes from third parties (meta-graph-notes.md), so each
 * field is read on its own: missing, null, of another type or in another case costs that field,
 * never the row. Numbers Meta did not give stay absent (shown blank, never as zero).
 */
export interface ContentRow {
  contentId?: string;
  /** INSTAGRAM, FACEBOOK... upper-cased, or absent. */
  platform?: string;
  /** IMAGE, VIDEO, CAROUSEL_ALBUM... upper-cased, or absent. */
  mediaType?: string;
  /** FEED, REEL, STORY... upper-cased, or absent. */
  postType?: string;
  /** The start of the caption, spaces folded, at most CAPTION_EXCERPT_LENGTH characters. */
  caption?: string;
  /** The day the post was made, YYYY-MM-DD. */
  createdOn?: string;
  /** The post's https link. */
  permalink?: string;
  creator: ContentCreator;
  isRecommended?: boolean;
  /** Meta's ad usage exactly as sent (see content-words.ts for its words). */
  adUsage?: string;
  /** Meta's eligibility exactly as sent (see content-words.ts for its words). */
  eligibility?: string;
  permissionStatus?: string;
  /** The code a creator shares for a partnership ad, exactly as sent. */
  adCode?: string;
  /** BRANDED_CONTENT, COLLAB_POST... upper-cased. */
  contentTypes: string[];
  insights: OrganicInsights;
}

export interface ContentCreator {
  /** The Instagram username (no @, lower case) when Meta's answer holds one that is valid. */
  username?: string;
  igUserId?: string;
  fbPageId?: string;
  /** The name Meta shows, as sent. */
  displayName?: string;
}

export const INSIGHT_NAMES = ['reach', 'views', 'likes', 'comments', 'shares', 'saves'] as const;
export type InsightName = (typeof INSIGHT_NAMES)[number];
/** Each count present only when Meta gave it as a number (or digits). */
export type OrganicInsights = Partial<Record<InsightName, number>>;

export const CAPTION_EXCERPT_LENGTH = 160;

type Raw = Record<string, unknown>;

export function parseContentRow(raw: Raw): ContentRow {
  const author = objectOf(raw.author) ?? objectOf(raw.creator) ?? objectOf(raw.owner);
  const partnership = partnershipInfo(raw.partnership_info);
  return {
    contentId: readGraphId(raw.content_id) ?? readGraphId(raw.id),
    platform: upperWord(raw.platform),
    mediaType: upperWord(raw.media_type),
    postType: upperWord(raw.post_type),
    caption: captionExcerpt(raw.caption),
    createdOn: readDay(raw.creation_time) ?? readDay(raw.created_time),
    permalink: readHttpsUrl(raw.permalink),
    creator: {
      username: readUsername(author?.username) ?? readUsername(author?.ig_username) ?? readUsername(author?.display_name),
      igUserId: readGraphId(author?.ig_user_id) ?? readGraphId(author?.ig_id),
      fbPageId: readGraphId(author?.fb_page_id),
      displayName: readText(author?.display_name),
    },
    isRecommended: readBoolean(raw.is_recommended),
    adUsage: readText(raw.ad_usage),
    eligibility: readText(partnership?.ad_eligibility) ?? readText(raw.ad_eligibility),
    permissionStatus: readText(partnership?.permission_status),
    adCode: readAdCode(partnership?.ad_code) ?? readAdCode(raw.ad_code),
    contentTypes: wordList(partnership?.content_types ?? raw.content_types),
    insights: readInsights(raw.organic_insights),
  };
}

/** A page's items: every object becomes a row, whatever its fields hold; anything else is skipped. */
export function parseContentItems(items: readonly unknown[]): ContentRow[] {
  const rows: ContentRow[] = [];
  for (const item of items) {
    const raw = objectOf(item);
    if (raw) rows.push(parseContentRow(raw));
  }
  return rows;
}

function objectOf(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

/**
 * partnership_info is documented as a list; one object on its own is read as a list of one.
 * The first entry that says anything about eligibility or an ad code is the post's.
 */
function partnershipInfo(value: unknown): Raw | undefined {
  const entries = (Array.isArray(value) ? value : [value]).map(objectOf).filter((entry): entry is Raw => entry !== undefined);
  return entries.find((entry) => entry.ad_eligibility !== undefined || entry.ad_code !== undefined) ?? entries[0];
}

function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function upperWord(value: unknown): string | undefined {
  return readText(value)?.toUpperCase();
}

function wordList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(list.flatMap((entry) => upperWord(entry) ?? []))];
}

function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 1) return true;
  if (value === 'false' || value === 0) return false;
  return undefined;
}

function readUsername(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().replace(/^@/, '').toLowerCase();
  return /^[a-z0-9._]{1,30}$/.test(name) && !name.startsWith('.') && !name.endsWith('.') && !name.includes('..') ? name : undefined;
}

/** Ad codes are opaque tokens: kept exactly, but only when they are one word a person could paste back. */
function readAdCode(value: unknown): string | undefined {
  const code = readText(value);
  return code && /^[\w\-+/=.:]{1,500}$/.test(code) ? code : undefined;
}

function captionExcerpt(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const folded = value.replace(/\s+/g, ' ').trim();
  if (!folded) return undefined;
  // By code points, so an emoji is never cut in half.
  const characters = Array.from(folded);
  return characters.length <= CAPTION_EXCERPT_LENGTH
    ? folded
    : `${characters
        .slice(0, CAPTION_EXCERPT_LENGTH - 1)
        .join('')
        .trimEnd()}…`;
}

/** YYYY-MM-DD as Meta documents it, or a time in any form readTime knows, as its UTC day. */
export function readDay(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (day) {
      const date = new Date(`${value.trim()}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value.trim()) ? value.trim() : undefined;
    }
  }
  return readTime(value)?.slice(0, 10);
}

function readHttpsUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A count: a non-negative whole number, sent as a number or as digits. Anything else is no count. */
function readCount(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/**
 * organic_insights as an object of counts ({likes: 3}); Graph's insights shape
 * ({data: [{name, values: [{value}]}]}) and a bare list of {name, value} are read too.
 * Names in any case.
 */
function readInsights(value: unknown): OrganicInsights {
  const counts = new Map<string, unknown>();
  const object = objectOf(value);
  const list = Array.isArray(value) ? value : Array.isArray(object?.data) ? (object.data as unknown[]) : undefined;
  if (list) {
    for (const entry of list.map(objectOf)) {
      if (!entry || typeof entry.name !== 'string') continue;
      const values = Array.isArray(entry.values) ? objectOf(entry.values[0]) : undefined;
      counts.set(entry.name.toLowerCase(), entry.value ?? values?.value ?? entry.total_value);
    }
  } else if (object) {
    for (const [name, count] of Object.entries(object)) counts.set(name.toLowerCase(), count);
  }
  const insights: OrganicInsights = {};
  for (const name of INSIGHT_NAMES) {
    const count = readCount(counts.get(name));
    if (count !== undefined) insights[name] = count;
  }
  return insights;
}
