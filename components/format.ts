import { i18n, t } from '@/utils/i18n';

/** "Session valid until 14:05 (in 2 hours)". */
export function describeExpiry(expiresAt: number): string {
  return t('connectionValidUntil', { time: { time: expiresAt }, left: { relative: expiresAt } });
}

/** "Updated just now", "Updated 5 minutes ago", "Updated 2 hours ago". */
export function describeUpdate(fetchedAt: number, now: number = Date.now()): string {
  return now - fetchedAt < 60_000 ? t('commonUpdatedJustNow') : t('commonUpdatedAgo', { age: i18n.relative(fetchedAt, now) });
}
