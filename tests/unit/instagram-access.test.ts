import { describe, expect, it } from 'vitest';
import { instagramAccessOf, instagramManifestEntries } from '../../scripts/instagram-access';

describe('WXT_INSTAGRAM_ACCESS', () => {
  it.each([
    [undefined, 'optional'],
    ['', 'optional'],
    ['optional', 'optional'],
    [' granted ', 'granted'],
  ])('%j reads as %s', (value, access) => {
    expect(instagramAccessOf(value)).toBe(access);
  });

  it.each(['yes', 'GRANTED', 'true', 'required'])('%j stops the build with a clear message', (value) => {
    expect(() => instagramAccessOf(value)).toThrow(`WXT_INSTAGRAM_ACCESS must be "optional" or "granted", not "${value}"`);
  });

  it('optional keeps the origin out of the install-time permissions, in both browsers', () => {
    expect(instagramManifestEntries('optional', 'chrome')).toEqual({
      host: [],
      optionalHost: ['https://www.instagram.com/*'],
      optional: [],
    });
    expect(instagramManifestEntries('optional', 'firefox')).toEqual({
      host: [],
      optionalHost: [],
      optional: ['https://www.instagram.com/*'],
    });
  });

  it('granted holds it from install', () => {
    expect(instagramManifestEntries('granted', 'firefox').host).toEqual(['https://www.instagram.com/*']);
    expect(instagramManifestEntries('granted', 'chrome').optionalHost).toEqual([]);
  });
});
