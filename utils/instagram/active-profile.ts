import { usernameFromProfileUrl } from './profile-url';

export interface TabInfo {
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/**
 * The creator of the instagram.com tab the person was just looking at: the most recently
 * used web tab (Collab Desk's own pages aside). With activeTab only that tab's URL is
 * visible, so no other tab can be picked by mistake.
 */
export function creatorOfActiveTab(tabs: readonly TabInfo[], extensionOrigin: string): string | undefined {
  const webTabs = tabs.filter((tab) => tab.url && !tab.url.startsWith(extensionOrigin));
  const latest = [...webTabs].sort((a, b) => (b.lastAccessed ?? (b.active ? 1 : 0)) - (a.lastAccessed ?? (a.active ? 1 : 0)))[0];
  return usernameFromProfileUrl(latest?.url);
}
