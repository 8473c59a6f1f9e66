import { usernameFromProfileUrl } from './profile-url';
import { said, type Said } from '../i18n/said';

const LOOKS_LIKE_LINK = /^(https?:\/\/|www\.|instagram\.com\/)/i;

/** Zero-width characters, direction marks and overrides, the byte order mark, and other invisible format characters. */
const HIDDEN_CHARACTER =
  // Each invisible and combining character is matched on its own, to be refused.
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/u;
const NON_ASCII = /[^\u0000-\u007F]/u;

const HIDDEN_NAMES: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\uFEFF': 'byte order mark',
  '\u00AD': 'soft hyphen',
};

/** "U+202E". */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describeCodePoint(character: string): string {
  const name = HIDDEN_NAMES[character];
  return name ? `${codePoint(character)} (${name})` : codePoint(character);
}

export type UsernameCheck = { ok: true; username: string } | { ok: false; input: string; reason: Said };

/**
 * Instagram usernames as the community understands them (Meta publishes no rule):
 * 1-30 of a-z 0-9 . _, case-insensitive, no leading or trailing dot, no "..".
 * Accepts "@name", surrounding spaces and a pasted profile URL.
 */
export function checkUsername(raw: string): UsernameCheck {
  const input = raw.trim();
  // Checked before any folding: lower-casing would turn the Kelvin sign into "k", and hidden
  // characters would make two different-looking entries the same name or reverse the line.
  const hidden = raw.match(HIDDEN_CHARACTER);
  if (hidden)
    return {
      ok: false,
      input,
      reason: said('usernameHiddenCharacter', { character: describeCodePoint(hidden[0]) }),
    };
  const foreign = input.match(NON_ASCII);
  if (foreign) {
    return {
      ok: false,
      input,
      reason: said('usernameForeignCharacter', { character: foreign[0], code: codePoint(foreign[0]) }),
    };
  }
  let username = input.replace(/^@/, '').toLowerCase();
  if (LOOKS_LIKE_LINK.test(input)) {
    const fromUrl = usernameFromProfileUrl(input.startsWith('http') ? input : `https://${input}`);
    if (!fromUrl) return { ok: false, input, reason: said('usernameNotProfileLink') };
    username = fromUrl;
  }
  if (username.length === 0) return { ok: false, input, reason: said('usernameEmpty') };
  if (username.length > 30) return { ok: false, input, reason: said('usernameTooLong') };
  const bad = username.match(/[^a-z0-9._]/);
  if (bad) return { ok: false, input, reason: said('usernameBadCharacter', { character: bad[0] }) };
  if (username.startsWith('.') || username.endsWith('.')) return { ok: false, input, reason: said('usernameDotAtEnd') };
  if (username.includes('..')) return { ok: false, input, reason: said('usernameTwoDots') };
  return { ok: true, username };
}
