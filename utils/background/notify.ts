import { browser } from '@/utils/browser';

/** Whether the person allowed notifications (an optional permission, asked when the watch is turned on). */
export async function notificationsAllowed(): Promise<boolean> {
  return Boolean(browser.notifications) && (await browser.permissions.contains({ permissions: ['notifications'] }));
}

/** One notification, only when the person allowed them; the background says the words itself (the browser's own surface). */
export async function notify(tag: string, title: string, message: string): Promise<void> {
  if (!(await notificationsAllowed())) return;
  await browser.notifications.create(`${tag}-${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}
