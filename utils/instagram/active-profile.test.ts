import { describe, expect, it } from 'vitest';
import { creatorOfActiveTab } from './active-profile';

const EXT = 'chrome-extension://abc';

describe('creatorOfActiveTab', () => {
  it('reads the profile of the tab the person was on', () => {
    expect(creatorOfActiveTab([{ url: 'https://www.instagram.com/maya.trails/', active: true }], EXT)).toBe('maya.trails');
  });

  it("skips Collab Desk's own pages and takes the latest web tab", () => {
    const tabs = [
      { url: 'https://www.instagram.com/old.one/', lastAccessed: 10 },
      { url: `${EXT}/popup.html`, lastAccessed: 30, active: true },
      { url: 'https://www.instagram.com/leo_eats/reels/', lastAccessed: 20 },
    ];
    expect(creatorOfActiveTab(tabs, EXT)).toBe('leo_eats');
  });

  it('gives nothing when the latest tab is not a profile, or no URL is visible', () => {
    expect(creatorOfActiveTab([{ url: 'https://www.instagram.com/explore/', active: true }], EXT)).toBeUndefined();
    expect(creatorOfActiveTab([{ active: true }], EXT)).toBeUndefined();
    expect(
      creatorOfActiveTab(
        [
          { url: 'https://news.example/', lastAccessed: 5 },
          { url: 'https://www.instagram.com/maya/', lastAccessed: 1 },
        ],
        EXT,
      ),
    ).toBeUndefined();
  });
});
