import { t } from '@/utils/i18n';

/** "Not ready: <first reason>" on one line, a link to the dashboard's Permissions view, where the fix is shown. */
export function NotReadyLink({ reason }: { reason: string }) {
  const words = t('popupBrandNotReady', { reason });
  return (
    <a class="warn-text one-line not-ready" href="/options.html#permissions" target="_blank" rel="noopener" title={words}>
      {words}
      <span class="visually-hidden"> {t('popupFixOnDashboard')}</span>
    </a>
  );
}
