import { t } from '../i18n';
import type { PartnershipPermission } from '../partnerships/permission-record';

/**
 * What a waiting creator needs to accept: Meta's permission_url when it gave one; else their
 * profile link and a short message, in the person's language, saying where to accept (the
 * Instagram app only, seed 004).
 */
export function approvalMessage(permission: PartnershipPermission, brandUsername: string): string {
  if (permission.permissionUrl) return permission.permissionUrl;
  const profile = `https://www.instagram.com/${permission.creatorUsername ?? ''}/`;
  return t('followUpMessage', { creator: permission.creatorUsername ?? '', brand: brandUsername, profile });
}
