import type { TabToolbar } from './profile-tabs';

/** browser.action as Chrome and Firefox document it: null gives a tab the global value back (the polyfill's types omit it). */
export interface TabActionApi {
  setBadgeText(details: { tabId: number; text: string | null }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string | null }): Promise<void>;
  getTitle(details: object): Promise<string>;
}

/** A toolbar call that may fail (the tab closed meanwhile), also when the browser throws before giving a promise. */
async function quietly(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch {
    // The tab is gone, or this browser refuses the value: nothing to show there.
  }
}

/**
 * The toolbar button for one tab. Firefox gives a tab the global title back with null; Chrome's
 * setTitle requires a string, so there the tab gets a copy of the global title's words, and
 * the copies are written again whenever the global title changes (the approvals watch's count).
 */
export function createTabToolbar(action: TabActionApi): TabToolbar & { globalTitleChanged(): Promise<void> } {
  const copies = new Set<number>();

  async function copyGlobalTitle(tabId: number): Promise<void> {
    await action.setTitle({ tabId, title: await action.getTitle({}) });
  }

  return {
    async show(tabId, badge) {
      copies.delete(tabId);
      await quietly(async () => {
        await action.setBadgeText({ tabId, text: badge.text });
        if (badge.text) await action.setBadgeBackgroundColor({ tabId, color: badge.color });
        await action.setTitle({ tabId, title: badge.title });
      });
    },
    async reset(tabId) {
      // null takes the tab's own badge away, so the tab shows the global one again (Chrome and Firefox).
      await quietly(() => action.setBadgeText({ tabId, text: null }));
      await quietly(async () => {
        try {
          await action.setTitle({ tabId, title: null });
        } catch {
          copies.add(tabId);
          await copyGlobalTitle(tabId);
        }
      });
    },
    async globalTitleChanged() {
      await Promise.all([...copies].map((tabId) => quietly(() => copyGlobalTitle(tabId))));
    },
    forget(tabId) {
      copies.delete(tabId);
    },
  };
}
