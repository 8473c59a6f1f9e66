import { describe, expect, it } from 'vitest';
import { checkUsername } from './username';
import { inEnglish } from '../i18n/in-english';

describe('checkUsername', () => {
  it.each([
    ['maya.trails', 'maya.trails'],
    ['@Maya.Trails', 'maya.trails'],
    ['  leo_eats  ', 'leo_eats'],
    ['a', 'a'],
    ['x'.repeat(30), 'x'.repeat(30)],
    ['_under_', '_under_'],
    ['https://www.instagram.com/ivy.studio/', 'ivy.studio'],
    ['instagram.com/ivy.studio', 'ivy.studio'],
  ])('accepts %j as %s', (input, username) => {
    expect(checkUsername(input)).toEqual({ ok: true, username });
  });

  it.each([
    ['', 'Enter a username.'],
    ['@', 'Enter a username.'],
    ['x'.repeat(31), 'Instagram usernames have at most 30 characters.'],
    ['maya-trails', '"-" cannot be in an Instagram username (letters, digits, "." and "_" only).'],
    ['maya trails', '" " cannot be in an Instagram username (letters, digits, "." and "_" only).'],
    [
      'émile',
      '"é" (U+00E9) cannot be in an Instagram username (letters a-z, digits, "." and "_" only; look-alikes are not changed into them).',
    ],
    // The Kelvin sign lower-cases to "k": it must be refused, not folded.
    [
      '\u212Aai.fit',
      '"\u212A" (U+212A) cannot be in an Instagram username (letters a-z, digits, "." and "_" only; look-alikes are not changed into them).',
    ],
    [
      'ｍａｙａ',
      '"ｍ" (U+FF4D) cannot be in an Instagram username (letters a-z, digits, "." and "_" only; look-alikes are not changed into them).',
    ],
    [
      'mayа.trails',
      '"а" (U+0430) cannot be in an Instagram username (letters a-z, digits, "." and "_" only; look-alikes are not changed into them).',
    ],
    [
      'maya\u200B.trails',
      'It contains a hidden character, U+200B (zero-width space), which Instagram usernames never have. Type the name again.',
    ],
    [
      '\u202Eslairt.ayam',
      'It contains a hidden character, U+202E (right-to-left override), which Instagram usernames never have. Type the name again.',
    ],
    [
      '\uFEFFmaya.trails',
      'It contains a hidden character, U+FEFF (byte order mark), which Instagram usernames never have. Type the name again.',
    ],
    [
      'leo\u2066_eats',
      'It contains a hidden character, U+2066 (left-to-right isolate), which Instagram usernames never have. Type the name again.',
    ],
    ['.maya', 'An Instagram username cannot start or end with a dot.'],
    ['maya.', 'An Instagram username cannot start or end with a dot.'],
    ['maya..trails', 'An Instagram username cannot have two dots in a row.'],
    ['https://www.instagram.com/p/C1a2B3c4D5e/', 'This link is not an Instagram profile.'],
    // A malformed %-escape is refused in words, not thrown (one such line once broke a whole bulk list).
    ['https://www.instagram.com/%E0%A4%A/', 'This link is not an Instagram profile.'],
  ])('refuses %j: %s', (input, reason) => {
    const check = checkUsername(input);
    expect(check.ok ? check : { ...check, reason: inEnglish.say(check.reason) }).toEqual({ ok: false, input: input.trim(), reason });
  });
});
