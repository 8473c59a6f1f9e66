import { usernameFromProfileUrl } from './profile-url';

/** The tabs of a profile page; any other second segment (a post, a story) is not the profile. */
const PROFILE_TABS = new Set(['reels', 'tagged', 'saved']);

/**
 * The creator whose profile page this is (https://www.instagram.com/<name>/, or its reels,
 * tagged and saved tabs), else undefined: posts (/p/, /reel/, also /<name>/p/...), stories,
 * explore and every other reserved path show no status. Only www.instagram.com over https,
 * the one origin the host permission covers.
 */
export function profilePageUsername(url: string | undefined): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname !== 'www.instagram.com') return undefined;
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 2) return undefined;
  if (segments.length === 2 && !PROFILE_TABS.has(segments[1]!.toLowerCase())) return undefined;
  const username = usernameFromProfileUrl(parsed.href);
  // usernameFromProfileUrl also reads /stories/<name>/: only a name in the first segment is a profile page.
  return username !== undefined && segments[0]!.toLowerCase() === username ? username : undefined;
}
