import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender';

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
