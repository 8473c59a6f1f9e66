/** The parts of runtime.MessageSender that decide whether to answer. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
}

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
