import type { ActionKind } from '../partnerships/status';
import { said, type Said } from '../i18n/said';
import type { Job, JobItem } from './job';

/**
 * A creator held by one job, for one brand and one kind of action: no other job, tab or popup
 * sends (or revokes) to them while the claim is live. The key names the creator the way the
 * item does: by username (lower case) and, when known, by Instagram ID, one claim for each.
 */
export interface CreatorClaim {
  brandIgId: string;
  kind: ActionKind;
  /** "@username" or "#<Instagram ID>". */
  creator: string;
  jobId: string;
  index: number;
  /**
   * held: the item has no outcome yet. done: it was sent (or revoked) at `at`; for a short while
   * after, the claim still stands, as the cached lists may not show the outcome yet.
   */
  state: 'held' | 'done';
  at: number;
}

export type ClaimKey = [brandIgId: string, kind: ActionKind, creator: string];

/** How long a finished send or revoke still keeps another one off the same creator (the cache has caught up well before). */
export const DONE_CLAIM_KEPT_MS = 10 * 60_000;

/** Item states whose request is still to go out or may be on its way: their claim is held. */
const UNSETTLED: ReadonlySet<JobItem['state']> = new Set(['queued', 'in-flight', 'unknown']);

/** The names a claim holds an item's creator by. */
export function creatorKeys(item: Pick<JobItem, 'username' | 'creatorId'>): string[] {
  const keys: string[] = [];
  if (!item.username.startsWith('#')) keys.push(`@${item.username.toLowerCase()}`);
  const id = item.creatorId ?? (item.username.startsWith('#') ? item.username.slice(1) : undefined);
  if (id) keys.push(`#${id}`);
  return keys;
}

export function claimKeys(job: Pick<Job, 'brandIgId' | 'kind'>, item: Pick<JobItem, 'username' | 'creatorId'>): ClaimKey[] {
  return creatorKeys(item).map((creator) => [job.brandIgId, job.kind, creator]);
}

/**
 * Whether a stored claim still stands: a held one while its item has no outcome (its job may be
 * paused or waiting: it still owns the creator), a done one for a short while.
 */
export function claimStands(claim: CreatorClaim, holder: { job?: Job; item?: JobItem }, now: number, askingJobId?: string): boolean {
  if (claim.jobId === askingJobId) return false;
  if (claim.state === 'done') return now - claim.at < DONE_CLAIM_KEPT_MS;
  if (!holder.job || !holder.item || holder.job.state === 'planned') return false;
  return UNSETTLED.has(holder.item.state);
}

/** The reason a creator held elsewhere is skipped, naming the job that holds them. */
export function heldElsewhereReason(holder: Job | undefined, claim: CreatorClaim): Said {
  if (claim.state === 'done' || !holder) return said('reasonDoneElsewhere');
  return holder.origin === 'single'
    ? said('reasonInSingleAction')
    : said('reasonInAnotherJob', { started: { time: holder.createdAt }, total: holder.total });
}
