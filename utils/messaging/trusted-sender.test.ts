import { describe, expect, it } from 'vitest';
import { instagramTabOf, isTrustedSender } from './trusted-sender';

const ID = 'nmdeebcjjdbnfnmldhcchnncidicmlcg';
const ORIGIN = `chrome-extension://${ID}`;

describe('isTrustedSender', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }, true],
    ['the dashboard in a tab', { id: ID, url: `${ORIGIN}/options.html#settings` }, true],
    ['a content script on instagram.com', { id: ID, url: 'https://www.instagram.com/maya/', origin: 'https://www.instagram.com' }, false],
    [
      'another extension',
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' },
      false,
    ],
    ['a sender without URL', { id: ID }, false],
    ['a look-alike origin', { id: ID, url: `${ORIGIN}.evil.test/popup.html` }, false],
    ['nobody', undefined, false],
  ])('%s -> %s', (_name, sender, trusted) => {
    expect(isTrustedSender(sender, ID, `${ORIGIN}/`)).toBe(trusted);
  });
});

describe('instagramTabOf', () => {
  const profile = 'https://www.instagram.com/maya/';
  const chip = { id: ID, url: profile, origin: 'https://www.instagram.com', tab: { id: 4, url: profile }, frameId: 0 };

  it('answers with the tab as the browser says it', () => {
    expect(instagramTabOf(chip, ID)).toEqual({ tabId: 4, url: profile });
  });

  it.each([
    ['our own page', { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }],
    ['another extension', { ...chip, id: 'otherextensionidotherextensionid' }],
    ['a frame inside the tab', { ...chip, frameId: 3 }],
    ['another site framed in the tab', { ...chip, origin: 'https://evil.example' }],
    ['a tab of another site', { ...chip, tab: { id: 4, url: 'https://www.instagram.com.evil.example/maya/' } }],
    ['a plain-http tab', { ...chip, tab: { id: 4, url: 'http://www.instagram.com/maya/' } }],
    ['a tab without an address', { ...chip, tab: { id: 4 } }],
    ['no tab', { id: ID, url: profile }],
    ['nobody', undefined],
  ])('refuses %s', (_name, sender) => {
    expect(instagramTabOf(sender, ID)).toBeUndefined();
  });
});
