import { t } from '@/utils/i18n';
import { creatorFilterOf } from '@/utils/content/content-creators';
import type { PartnershipPermission } from '@/utils/partnerships/permission-record';
import { statusGroup } from '@/utils/partnerships/status';
import { contentViewHash, postsReadyUrl } from './content-route';

/**
 * "Posts ready for ads": from an Approved creator to the Content view filtered to them, for the
 * permission's brand (`brandIgId`, else the brand chosen last). Nothing for any other status,
 * or for a record without the creator's Instagram ID (Meta filters by it). In the dashboard it
 * moves to the view; with `newTab` (the popup) it opens the dashboard in a new tab.
 */
export function PostsReadyLink({
  permission,
  brandIgId = permission.brandIgId,
  newTab = false,
}: {
  permission: Pick<PartnershipPermission, 'status' | 'creatorId' | 'creatorUsername' | 'brandIgId'>;
  brandIgId?: string;
  newTab?: boolean;
}) {
  const creatorIgId = statusGroup(permission.status) === 'approved' ? creatorFilterOf(permission)?.creatorIgIds[0] : undefined;
  if (!creatorIgId) return null;
  return (
    <a
      class="posts-ready"
      href={newTab ? postsReadyUrl(creatorIgId, brandIgId) : contentViewHash(creatorIgId, brandIgId)}
      target={newTab ? '_blank' : undefined}
      rel={newTab ? 'noopener' : undefined}
    >
      {t('contentPostsReady')}
      {permission.creatorUsername && <span class="visually-hidden"> @{permission.creatorUsername}</span>}
    </a>
  );
}
