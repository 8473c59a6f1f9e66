import { describe, expect, it } from 'vitest';
import { usernameFromProfileUrl } from './profile-url';

describe('usernameFromProfileUrl', () => {
  it.each([
    ['https://www.instagram.com/maya.trails/', 'maya.trails'],
    ['https://www.instagram.com/maya.trails', 'maya.trails'],
    ['https://instagram.com/Maya.Trails/?hl=en', 'maya.trails'],
    ['https://m.instagram.com/leo_eats/', 'leo_eats'],
    ['https://www.instagram.com/leo_eats/reels/', 'leo_eats'],
    ['https://www.instagram.com/leo_eats/tagged/', 'leo_eats'],
    ['https://www.instagram.com/leo_eats/p/C1a2B3c4D5e/', 'leo_eats'],
    ['https://www.instagram.com/leo_eats/reel/C1a2B3c4D5e/?igsh=abc', 'leo_eats'],
    ['https://www.instagram.com/stories/ivy.studio/3301234567890123456/', 'ivy.studio'],
    ['https://www.instagram.com/natgeo/#top', 'natgeo'],
    ['http://www.instagram.com/natgeo/', 'natgeo'],
  ])('%s -> %s', (url, username) => {
    expect(usernameFromProfileUrl(url)).toBe(username);
  });

  it.each([
    ['a post without the username', 'https://www.instagram.com/p/C1a2B3c4D5e/'],
    ['a reel without the username', 'https://www.instagram.com/reel/C1a2B3c4D5e/'],
    ['the reels feed', 'https://www.instagram.com/reels/'],
    ['a tv video', 'https://www.instagram.com/tv/C1a2B3c4D5e/'],
    ['explore', 'https://www.instagram.com/explore/tags/travel/'],
    ['account settings', 'https://www.instagram.com/accounts/edit/'],
    ['direct messages', 'https://www.instagram.com/direct/inbox/'],
    ['the home page', 'https://www.instagram.com/'],
    ['story highlights', 'https://www.instagram.com/stories/highlights/17900000000000000/'],
    ['another site', 'https://www.instagram.com.evil.test/maya/'],
    ['facebook', 'https://www.facebook.com/maya.trails'],
    ['not a URL', 'maya.trails'],
    ['a name with a bad character', 'https://www.instagram.com/maya-trails/'],
    ['a name with a trailing dot', 'https://www.instagram.com/maya./'],
    ['a malformed %-escape', 'https://www.instagram.com/%E0%A4%A/'],
    ['a lone %', 'https://www.instagram.com/maya%/'],
    ['nothing', undefined],
  ])('gives nothing for %s', (_name, url) => {
    expect(usernameFromProfileUrl(url)).toBeUndefined();
  });
});
