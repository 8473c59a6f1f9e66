/** The parts of runtime.MessageSender that decide whether to answer. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  /** Set for content scripts: the tab they run in, as the browser (not the script) says it. */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

const INSTAGRAM = 'https://www.instagram.com';

/**
 * Only Collab Desk's own pages (popup, dashboard) may ask the background for anything.
 * Content scripts run inside web pages and carry the page's URL, so they are refused too.
 */
export function isTrustedSender(sender: SenderInfo | undefined, extensionId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== extensionId) return false;
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (sender.origin !== undefined && sender.origin !== origin) return false;
  return typeof sender.url === 'string' && sender.url.startsWith(`${origin}/`);
}

/**
 * The instagram.com tab a content script of ours runs in, or undefined for any other sender.
 * Its address is the browser's word for the tab (sender.tab.url), never what the script sends,
 * so a script can learn nothing but the status of the profile its own tab shows.
 */
export function instagramTabOf(sender: SenderInfo | undefined, extensionId: string): { tabId: number; url: string } | undefined {
  if (!sender || sender.id !== extensionId) return undefined;
  const tab = sender.tab;
  if (typeof tab?.id !== 'number' || tab.id < 0 || typeof tab.url !== 'string') return undefined;
  // The top frame only, and a frame of instagram.com itself (not another site framed inside it).
  if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
  if (sender.origin !== undefined && sender.origin !== INSTAGRAM) return undefined;
  let origin: string;
  try {
    origin = new URL(tab.url).origin;
  } catch {
    return undefined;
  }
  return origin === INSTAGRAM ? { tabId: tab.id, url: tab.url } : undefined;
}
