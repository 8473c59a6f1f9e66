import type { Said } from '../i18n/said';
import { profilePageUsername } from '../instagram/profile-page';
import { profileBadgeFor, type ChipTone, type ProfileAnswer } from './profile-badge';

/** What the chip on a profile page shows: the same words as the toolbar title, and a colour family. */
export interface ChipState {
  username: string;
  words: string;
  tone: ChipTone;
}

/** The toolbar button's values for one tab (browser.action, or browserAction in Firefox's MV2 build). */
export interface TabToolbar {
  show(tabId: number, badge: { text: string | null; color: string; title: string }): Promise<void>;
  /** Gives the tab the global badge and title back (the approvals watch's count). */
  reset(tabId: number): Promise<void>;
  /** The tab is closed: nothing more to keep for it. */
  forget?(tabId: number): void;
}

export interface ProfileTabsDeps {
  isOn(): Promise<boolean>;
  /** The chosen brand's status of a creator, from the cache at once (a Graph read only when it is stale or missing). */
  answerFor(username: string): Promise<ProfileAnswer>;
  say(words: Said): string;
  toolbar: TabToolbar;
  /** Tells the tab's chip what to show; a tab without the chip's script is no failure. */
  tellTab(tabId: number, chip: ChipState | null): Promise<void>;
}

/**
 * The status of the creator whose profile a tab shows, on the toolbar button for that tab and
 * in the page's chip. Instagram changes its address without loading a page, so the background
 * follows each tab's address (tabs.onUpdated, and the chip's own question when it starts).
 */
export function createProfileTabs(deps: ProfileTabsDeps) {
  /** Each tab's last address seen: an answer for an address the tab has left is dropped. */
  const addresses = new Map<number, string>();
  /** One question per creator at a time, however many tabs and events ask. */
  const asking = new Map<string, Promise<ProfileAnswer>>();

  function answerOnce(username: string): Promise<ProfileAnswer> {
    let running = asking.get(username);
    if (!running) {
      running = deps
        .answerFor(username)
        .catch((): ProfileAnswer => ({ kind: 'failed', username }))
        .finally(() => asking.delete(username));
      asking.set(username, running);
    }
    return running;
  }

  /** Shows the tab's status for its address (or gives the tab the global badge back); answers what the chip should show. */
  async function follow(tabId: number, url: string): Promise<ChipState | null> {
    addresses.set(tabId, url);
    const username = profilePageUsername(url);
    if (!username || !(await deps.isOn())) {
      await deps.toolbar.reset(tabId);
      return null;
    }
    const badge = profileBadgeFor(await answerOnce(username));
    if (addresses.get(tabId) !== url) return null;
    const words = deps.say(badge.title);
    await deps.toolbar.show(tabId, { text: badge.text, color: badge.color, title: words });
    return { username, words, tone: badge.tone };
  }

  return {
    follow,

    /** A tab moved to another address: badge, title and chip follow it. */
    async moved(tabId: number, url: string): Promise<void> {
      await deps.tellTab(tabId, await follow(tabId, url));
    },

    forget(tabId: number): void {
      addresses.delete(tabId);
      deps.toolbar.forget?.(tabId);
    },

    /** The chosen brand or its data changed, or the feature was turned on or off: every followed tab shows it again. */
    async refreshAll(): Promise<void> {
      await Promise.all([...addresses].map(async ([tabId, url]) => deps.tellTab(tabId, await follow(tabId, url))));
    },
  };
}
