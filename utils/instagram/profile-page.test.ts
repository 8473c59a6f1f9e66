import { describe, expect, it } from 'vitest';
import { profilePageUsername } from './profile-page';

describe('profilePageUsername', () => {
  it.each([
    ['https://www.instagram.com/ana/', 'ana'],
    ['https://www.instagram.com/Maya.Trails', 'maya.trails'],
    ['https://www.instagram.com/maya_trails/reels/', 'maya_trails'],
    ['https://www.instagram.com/maya_trails/tagged/?hl=es', 'maya_trails'],
    ['https://www.instagram.com/ana/#top', 'ana'],
  ])('%s is the profile of %s', (url, username) => {
    expect(profilePageUsername(url)).toBe(username);
  });

  it.each([
    'https://www.instagram.com/',
    'https://www.instagram.com/p/xyz/',
    'https://www.instagram.com/reel/abc/',
    'https://www.instagram.com/reels/abc/',
    'https://www.instagram.com/tv/abc/',
    'https://www.instagram.com/explore/',
    'https://www.instagram.com/explore/tags/food/',
    'https://www.instagram.com/stories/ana/123/',
    'https://www.instagram.com/stories/ana/',
    'https://www.instagram.com/accounts/edit/',
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/ana/p/xyz/',
    'https://www.instagram.com/ana/reel/xyz/',
    'https://www.instagram.com/ana/followers/extra/',
    'https://www.instagram.com/.ana/',
    'https://www.instagram.com/a..na/',
    'https://www.instagram.com/%E2%80%AEana/',
    'http://www.instagram.com/ana/',
    'https://instagram.com.evil.example/ana/',
    'https://m.instagram.com/ana/',
    'not a url',
    undefined,
  ])('%s shows no status', (url) => {
    expect(profilePageUsername(url)).toBeUndefined();
  });
});
