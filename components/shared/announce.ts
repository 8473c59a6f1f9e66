/**
 * Says an outcome to screen readers through one polite live region per page, even when
 * nothing visible near the focus changed (a row's status after a confirmed revoke). The
 * region is emptied first, so the same words said twice are announced twice.
 */
export function announce(message: string): void {
  const region = liveRegion();
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

function liveRegion(): HTMLElement {
  const existing = document.getElementById('announcer');
  if (existing) return existing;
  const region = document.createElement('div');
  region.id = 'announcer';
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  document.body.append(region);
  return region;
}

/**
 * Keeps the keyboard's place when the control that started an action goes away (a Revoke
 * button replaced by the new status, a kept action done): focus moves to what is left of its
 * row, else to the heading of its section or form (or its first control), instead of falling
 * to the page body.
 */
export function keepFocusNear(invoker: HTMLElement): void {
  // Nearest first: the row, the form or section, the page's main content.
  const places = [invoker.closest('tr, li'), invoker.closest('form, section'), invoker.closest('main') ?? document.querySelector('main')];
  const observer = new MutationObserver(() => {
    if (invoker.isConnected) return;
    observer.disconnect();
    if (document.activeElement && document.activeElement !== document.body) return;
    const place = places.findIndex((candidate) => candidate?.isConnected);
    if (place >= 0) focusWithin(places[place]!, place > 0);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 120_000);
}

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

function focusWithin(container: Element, headingFirst: boolean): void {
  const heading = container.querySelector<HTMLElement>('h1, h2, h3');
  const target = (headingFirst && heading) || container.querySelector<HTMLElement>(FOCUSABLE) || heading || (container as HTMLElement);
  if (!target.matches(FOCUSABLE)) target.tabIndex = -1;
  target.focus();
}
