import type { BatchRequest } from '../graph/client';
import { creatorLabel } from './permission-record';
import type { ActionKind } from './status';
import type { Words } from '../i18n/said';

/** A creator as a send or revoke names them: by Instagram ID when known, else by username. */
export interface CreatorRef {
  username?: string;
  creatorId?: string;
}

/** How people see the creator a send or revoke names: @username, or the Instagram ID. */
export function creatorRefLabel(creator: CreatorRef): Words {
  return creatorLabel({ creatorUsername: creator.username, creatorId: creator.creatorId });
}

/**
 * The one place that builds the Graph request for a send or revoke. Meta documents revoke
 * with the creator's Instagram ID (creator_instagram_account), so the ID is used whenever it
 * is known, for sends too; the username only when no ID is known.
 */
export function permissionRequest(kind: ActionKind, brandIgId: string, creator: CreatorRef): BatchRequest {
  const body: Record<string, string> = creator.creatorId
    ? { creator_instagram_account: creator.creatorId }
    : { creator_instagram_username: creator.username ?? '' };
  if (kind === 'revoke') body.revoke = 'true';
  return { method: 'POST', relativeUrl: `${brandIgId}/branded_content_ad_permissions`, body };
}
