/** First path segments on instagram.com that are pages of the site, not usernames. */
const RESERVED_SEGMENTS = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'stories',
  'explore',
  'accounts',
  'direct',
  'about',
  'developer',
  'legal',
  'privacy',
  'terms',
  'help',
  'challenge',
  'settings',
  'your_activity',
  'archive',
  'share',
  'web',
  'emails',
  'session',
  'oauth',
  'graphql',
  'api',
  'static',
  'press',
  'blog',
  'jobs',
  'locations',
  'topics',
  'ar',
  'lite',
  'download',
  'nametag',
]);
const PROFILE_HOSTS = new Set(['instagram.com', 'www.instagram.com', 'm.instagram.com']);
const USERNAME = /^[a-z0-9._]{1,30}$/;

/**
 * The creator a page of instagram.com is about: profile URLs (/name/, /name/reels/,
 * /name/tagged/), posts prefixed by the username (/name/p/code/), and stories
 * (/stories/name/...). Pages that name no creator (/p/code/, /explore/...) give undefined.
 */
export function usernameFromProfileUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!PROFILE_HOSTS.has(parsed.hostname.toLowerCase()) || !/^https?:$/.test(parsed.protocol)) return undefined;
  const segments = parsed.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => decodedSegment(segment).toLowerCase());
  const [first, second] = segments;
  if (!first) return undefined;
  const candidate = first === 'stories' ? second : RESERVED_SEGMENTS.has(first) ? undefined : first;
  if (!candidate || candidate === 'highlights' || !USERNAME.test(candidate)) return undefined;
  if (candidate.startsWith('.') || candidate.endsWith('.') || candidate.includes('..')) return undefined;
  return candidate;
}

/** A path segment with its %-escapes decoded; a malformed escape is left as it is (and so names no creator), never thrown. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
