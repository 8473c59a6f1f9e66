import { describe, expect, it } from 'vitest';
import { createTabToolbar, type TabActionApi } from './tab-toolbar';

/** An action button that keeps global and per-tab titles; Chrome refuses a null title (Firefox takes it). */
function fakeAction(refusesNullTitle: boolean) {
  const titles = new Map<number | 'global', string>([['global', 'Collab Desk: 2 creators answered']]);
  const badges = new Map<number, string | null>();
  const action: TabActionApi = {
    setBadgeText: async ({ tabId, text }) => void badges.set(tabId, text),
    setBadgeBackgroundColor: async () => undefined,
    setTitle: ({ tabId, title }) => {
      // Chrome throws before giving a promise.
      if (title === null && refusesNullTitle) throw new TypeError("Missing required property 'title'.");
      if (title === null) titles.delete(tabId);
      else titles.set(tabId, title);
      return Promise.resolve();
    },
    getTitle: async () => titles.get('global')!,
  };
  const titleOf = (tabId: number) => titles.get(tabId) ?? titles.get('global');
  return { action, titles, badges, titleOf };
}

describe('the toolbar button of one tab', () => {
  it('shows the status, then gives the tab the global badge and title back (Firefox: null)', async () => {
    const { action, badges, titleOf, titles } = fakeAction(false);
    const toolbar = createTabToolbar(action);
    await toolbar.show(5, { text: '✓', color: '#1a7f37', title: 'Collab Desk: @ana - Approved for @brand' });
    expect(titleOf(5)).toBe('Collab Desk: @ana - Approved for @brand');
    await toolbar.reset(5);
    expect(badges.get(5)).toBeNull();
    expect(titles.has(5)).toBe(false);
  });

  it('in Chrome copies the global title, and copies it again when it changes', async () => {
    const { action, titleOf, titles } = fakeAction(true);
    const toolbar = createTabToolbar(action);
    await toolbar.show(5, { text: '✓', color: '#1a7f37', title: 'Collab Desk: @ana - Approved for @brand' });
    await toolbar.reset(5);
    expect(titleOf(5)).toBe('Collab Desk: 2 creators answered');
    titles.set('global', 'Collab Desk');
    await toolbar.globalTitleChanged();
    expect(titleOf(5)).toBe('Collab Desk');
    // A tab showing a profile keeps its own title.
    await toolbar.show(5, { text: '', color: '#6e7781', title: 'Collab Desk: @leo - Not requested for @brand' });
    titles.set('global', 'Collab Desk: 1 creator answered');
    await toolbar.globalTitleChanged();
    expect(titleOf(5)).toBe('Collab Desk: @leo - Not requested for @brand');
  });
});
