import { describe, expect, it } from 'vitest';
import type { Said } from '../i18n/said';
import type { ProfileAnswer } from './profile-badge';
import { createProfileTabs, type ChipState } from './profile-tabs';

function setup(options: { on?: boolean; status?: Record<string, string | undefined> } = {}) {
  const asked: string[] = [];
  const toolbar: string[] = [];
  const told: Array<[number, ChipState | null]> = [];
  let on = options.on ?? true;
  const answers: Array<() => void> = [];
  const tabs = createProfileTabs({
    isOn: async () => on,
    answerFor: (username) => {
      asked.push(username);
      return new Promise<ProfileAnswer>((resolve) =>
        answers.push(() => resolve({ kind: 'status', username, brandUsername: 'brand', status: options.status?.[username] })),
      );
    },
    say: (words: Said) => `${words.key}:${JSON.stringify(words.values?.username)}`,
    toolbar: {
      show: async (tabId, badge) => void toolbar.push(`${tabId} show ${badge.text} ${badge.title}`),
      reset: async (tabId) => void toolbar.push(`${tabId} reset`),
    },
    tellTab: async (tabId, chip) => void told.push([tabId, chip]),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** Lets every question that is under way be asked, then answers them all. */
  const answerAll = async () => {
    await settle();
    while (answers.length > 0) answers.shift()!();
    await settle();
  };
  return { tabs, asked, toolbar, told, answerAll, turn: (value: boolean) => (on = value) };
}

describe('the status on profile tabs', () => {
  it('shows the chosen brand status on a profile tab and tells its chip', async () => {
    const { tabs, toolbar, told, answerAll } = setup({ status: { ana: 'APPROVED' } });
    const moving = tabs.moved(7, 'https://www.instagram.com/ana/');
    await answerAll();
    await moving;
    expect(toolbar).toEqual(['7 show ✓ profileStatusTitle:"ana"']);
    expect(told).toEqual([[7, { username: 'ana', words: 'profileStatusTitle:"ana"', tone: 'approved' }]]);
  });

  it('gives a tab the global badge back on reserved paths and tells the chip to go', async () => {
    const { tabs, toolbar, told, asked } = setup();
    await tabs.moved(7, 'https://www.instagram.com/p/xyz/');
    expect(asked).toEqual([]);
    expect(toolbar).toEqual(['7 reset']);
    expect(told).toEqual([[7, null]]);
  });

  it('asks once per creator however many tabs and events ask at the same time', async () => {
    const { tabs, asked, answerAll } = setup();
    const all = Promise.all([
      tabs.moved(1, 'https://www.instagram.com/ana/'),
      tabs.follow(1, 'https://www.instagram.com/ana/'),
      tabs.moved(2, 'https://www.instagram.com/ana/reels/'),
    ]);
    await answerAll();
    await all;
    expect(asked).toEqual(['ana']);
  });

  it('drops an answer for an address the tab has already left (SPA navigation)', async () => {
    const { tabs, toolbar, told, answerAll } = setup();
    const first = tabs.moved(3, 'https://www.instagram.com/ana/');
    const second = tabs.moved(3, 'https://www.instagram.com/leo/');
    await answerAll();
    await Promise.all([first, second]);
    expect(toolbar).toEqual(['3 show  profileStatusTitle:"leo"']);
    expect(told.at(-1)).toEqual([3, { username: 'leo', words: 'profileStatusTitle:"leo"', tone: 'not-requested' }]);
  });

  it('shows nothing while the feature is off, and clears followed tabs when it is turned off', async () => {
    const { tabs, toolbar, told, asked, answerAll, turn } = setup({ status: { ana: 'PENDING' } });
    const moving = tabs.moved(4, 'https://www.instagram.com/ana/');
    await answerAll();
    await moving;
    turn(false);
    await tabs.refreshAll();
    expect(toolbar.at(-1)).toBe('4 reset');
    expect(told.at(-1)).toEqual([4, null]);
    await tabs.moved(5, 'https://www.instagram.com/leo/');
    expect(asked).toEqual(['ana']);
  });

  it('a failed question says so instead of throwing', async () => {
    const tabs = createProfileTabs({
      isOn: async () => true,
      answerFor: async () => {
        throw new Error('offline');
      },
      say: (words) => words.key,
      toolbar: { show: async () => undefined, reset: async () => undefined },
      tellTab: async () => undefined,
    });
    expect(await tabs.follow(1, 'https://www.instagram.com/ana/')).toEqual({ username: 'ana', words: 'profileStatusFailed', tone: 'none' });
  });
});
