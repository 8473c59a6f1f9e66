import type { Params } from '../graph/http';
import { CONTENT_FIELDS } from './content-query';
import type { ContentRow } from './content-row';

/** Meta looks up at most 50 posts at once, all of one kind (ad codes, or links). */
export const MAX_LOOKUP_ENTRIES = 50;

export type LookupKind = 'adCodes' | 'permalinks';

/** One line the person typed, read as an ad code or an Instagram post link. */
export type LookupEntry =
  | { input: string; kind: 'adCodes'; value: string }
  /** value: the link as Meta writes permalinks; postCode: the post's code, which matches whatever form Meta answers in. */
  | { input: string; kind: 'permalinks'; value: string; postCode: string }
  | { input: string; kind: 'invalid' };

const POST_PATH = /^\/(?:[a-z0-9._]{1,30}\/)?(p|reel|reels|tv)\/([\w-]{5,64})\/?$/i;
/** Ad codes are opaque: one run of the characters Meta's codes are made of, never a link. */
const AD_CODE = /^[\w\-+/=.]{8,500}$/;

/** The post's code in an Instagram post link (instagram.com/p/CODE/, /reel/, /tv/, with or without the username), else undefined. */
export function instagramPostCode(text: string): { permalink: string; postCode: string } | undefined {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (!/^(www\.|m\.)?instagram\.com$/i.test(url.hostname) || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const match = POST_PATH.exec(url.pathname);
  if (!match) return undefined;
  const kind = match[1]!.toLowerCase() === 'reels' ? 'reel' : match[1]!.toLowerCase();
  return { permalink: `https://www.instagram.com/${kind}/${match[2]}/`, postCode: match[2]! };
}

/** Reads one line: a link (anything with a dot and a slash, or a scheme) is a post link or nothing; else an ad code. */
export function classifyLookupLine(line: string): LookupEntry {
  const input = line.trim();
  const looksLikeLink = /^https?:\/\//i.test(input) || /^(www\.|m\.)?instagram\.com\//i.test(input);
  if (looksLikeLink) {
    const post = instagramPostCode(input);
    return post ? { input, kind: 'permalinks', value: post.permalink, postCode: post.postCode } : { input, kind: 'invalid' };
  }
  return AD_CODE.test(input) ? { input, kind: 'adCodes', value: input } : { input, kind: 'invalid' };
}

/** The lines of a paste (one per line; commas and spaces also part them), blank ones and repeats dropped. */
export function splitLookupText(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** What to ask Meta: one request per kind present (Meta takes one kind at a time), and the lines that are neither. */
export interface LookupPlan {
  requests: Array<{ kind: LookupKind; values: string[] }>;
  entries: LookupEntry[];
  invalid: string[];
}

export function planLookup(lines: readonly string[]): LookupPlan {
  const entries = lines.map(classifyLookupLine);
  const requests: LookupPlan['requests'] = [];
  for (const kind of ['adCodes', 'permalinks'] as const) {
    const values = [...new Set(entries.flatMap((entry) => (entry.kind === kind ? [entry.value] : [])))];
    if (values.length > 0) requests.push({ kind, values });
  }
  return { requests, entries, invalid: entries.flatMap((entry) => (entry.kind === 'invalid' ? [entry.input] : [])) };
}

/** The query of one direct lookup: the brand, the fields shown, and one kind of value (no filters, no paging). */
export function lookupParams(brandIgId: string, kind: LookupKind, values: readonly string[]): Params {
  return {
    ig_user_id: brandIgId,
    fields: CONTENT_FIELDS,
    [kind === 'adCodes' ? 'ad_codes' : 'permalinks']: JSON.stringify(values),
  };
}

/** What a lookup found: the rows in the order the person typed them, and the lines Meta does not know or that are neither. */
export interface LookupOutcome {
  rows: ContentRow[];
  notFound: string[];
  invalid: string[];
}

/**
 * Matches Meta's rows to the lines typed: an ad code exactly, a link by its post's code (Meta
 * may write the link with the username, or as /reel/). A row found by two lines is listed once.
 */
export function matchLookup(plan: LookupPlan, rows: readonly ContentRow[]): LookupOutcome {
  const byCode = new Map(rows.flatMap((row) => (row.adCode ? [[row.adCode, row] as const] : [])));
  const byPost = new Map(
    rows.flatMap((row) => {
      const post = row.permalink ? instagramPostCode(row.permalink) : undefined;
      return post ? [[post.postCode, row] as const] : [];
    }),
  );
  const found: ContentRow[] = [];
  const notFound: string[] = [];
  for (const entry of plan.entries) {
    if (entry.kind === 'invalid') continue;
    const row = entry.kind === 'adCodes' ? byCode.get(entry.value) : byPost.get(entry.postCode);
    if (!row) notFound.push(entry.input);
    else if (!found.includes(row)) found.push(row);
  }
  return { rows: found, notFound, invalid: plan.invalid };
}
