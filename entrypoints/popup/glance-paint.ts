import type { FirstPaint } from './first-paint';

/**
 * Paints, before the app has loaded, the popup's header and the open profile's status for
 * the chosen brand, in the places and classes the app gives them (ChosenBrandStatus), so that
 * when the app renders over them nothing moves. Text only, through textContent. False when the
 * first paint holds no status to show.
 */
export function paintGlance(root: HTMLElement, { glance }: FirstPaint, message: (key: string) => string): boolean {
  const lookup = glance?.lookup;
  const standing = glance?.standing;
  if (!lookup || !standing) return false;
  const element = (tag: string, className: string, parent: HTMLElement, text?: string) => {
    const made = parent.appendChild(document.createElement(tag));
    made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  };
  const header = element('header', '', root);
  element('h1', '', header, message('extName'));
  const dashboard = element('a', '', header, message('popupOpenDashboard')) as HTMLAnchorElement;
  Object.assign(dashboard, { href: '/options.html#partnerships', target: '_blank', rel: 'noopener' });
  const section = element('section', 'chosen-status', element('main', '', root));
  const of = message('popupChosenStatusOf').replace('{creator}', lookup.username).replace('{brand}', standing.brandUsername);
  element('p', 'muted small one-line', section, of);
  const line = element('p', 'chosen-status-word', element('div', 'chosen-status-main', section));
  const word = typeof standing.word === 'string' ? standing.word : message(standing.word.key);
  element('bdi', `status-word status-${standing.group}`, line, word);
  return true;
}
