import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate';
import english from '../../public/_locales/en/messages.json';
import { profileBadgeFor } from './profile-badge';

const messages = english as Record<string, { message: string }>;
const say = createTranslator({ lookup: (key) => messages[key]?.message ?? '', locale: 'en' }).say;

describe('the badge and title on a creator profile tab', () => {
  it.each([
    ['APPROVED', '✓', '#1a7f37', 'Approved', 'approved'],
    ['pending_approval', '…', '#9a6700', 'Pending', 'pending'],
    ['REVOKED', '✕', '#6e7781', 'Revoked', 'ended'],
    ['SELF_REMOVED', '✕', '#6e7781', 'Removed by creator', 'ended'],
    ['ON_HOLD', '?', '#6e7781', 'ON_HOLD', 'unknown'],
    [undefined, '', '#6e7781', 'Not requested', 'not-requested'],
  ])('%s: badge %j, title with %s', (status, text, color, word, tone) => {
    const badge = profileBadgeFor({ kind: 'status', username: 'ana', brandUsername: 'northwind.outdoor', status });
    expect(badge).toMatchObject({ text, color, tone });
    expect(say(badge.title)).toBe(`Collab Desk: @ana - ${word} for @northwind.outdoor`);
  });

  it.each([
    ['not-connected', 'Collab Desk: @ana - connect to Facebook in Collab Desk to see the status'],
    ['no-brand', 'Collab Desk: @ana - no brand account is ready for partnership ads'],
    ['failed', 'Collab Desk: @ana - the status could not be read now'],
  ] as const)('%s keeps the global badge and says why in the title', (kind, title) => {
    const badge = profileBadgeFor({ kind, username: 'ana' });
    expect(badge.text).toBeNull();
    expect(badge.tone).toBe('none');
    expect(say(badge.title)).toBe(title);
  });
});
