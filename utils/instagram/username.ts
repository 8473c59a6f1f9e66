import { usernameFromProfileUrl } from './profile-url';

const LOOKS_LIKE_LINK = /^(https?:\/\/|www\.|instagram\.com\/)/i;

export type UsernameCheck = { ok: true; username: string } | { ok: false; input: string; reason: string };

/**
 * Instagram usernames as the community understands them (Meta publishes no rule):
 * 1-30 of a-z 0-9 . _, case-insensitive, no leading or trailing dot, no "..".
 * Accepts "@name", surrounding spaces and a pasted profile URL.
 */
export function checkUsername(raw: string): UsernameCheck {
  const input = raw.trim();
  let username = input.replace(/^@/, '').toLowerCase();
  if (LOOKS_LIKE_LINK.test(input)) {
    const fromUrl = usernameFromProfileUrl(input.startsWith('http') ? input : `https://${input}`);
    if (!fromUrl) return { ok: false, input, reason: 'This link is not an Instagram profile.' };
    username = fromUrl;
  }
  if (username.length === 0) return { ok: false, input, reason: 'Enter a username.' };
  if (username.length > 30) return { ok: false, input, reason: 'Instagram usernames have at most 30 characters.' };
  const bad = username.match(/[^a-z0-9._]/);
  if (bad) return { ok: false, input, reason: `"${bad[0]}" cannot be in an Instagram username (letters, digits, "." and "_" only).` };
  if (username.startsWith('.') || username.endsWith('.')) return { ok: false, input, reason: 'An Instagram username cannot start or end with a dot.' };
  if (username.includes('..')) return { ok: false, input, reason: 'An Instagram username cannot have two dots in a row.' };
  return { ok: true, username };
}
