import type { AppErrorKind } from '../errors';
import type { BatchAnswer } from '../graph/client';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { tookEffect } from '../partnerships/status';
import { MAX_ATTEMPTS } from './governor';
import type { Job, JobItem } from './job';
import { said, type Words } from '../i18n/said';

export type ItemOutcome = Pick<JobItem, 'state' | 'reason' | 'attempts' | 'mayHaveReached' | 'refusal'>;

export const CONFIRMED_WITH_META = said('reasonConfirmedWithMeta');

/**
 * Errors that stop a whole job (runner), as they say nothing of one creator; the runner heeds
 * them in this order. A missing permission is not one of them: Meta's codes 10 and 200-299 may
 * be about one creator, so those creators fail with the reason and Retry failed asks again.
 */
export const ACCOUNT_REFUSALS: ReadonlySet<AppErrorKind> = new Set(['session-expired', 'rate-limited', 'policy-blocked']);

/**
 * What one item's answer in a batch means. A refusal that follows an attempt that may have
 * reached Meta (lost answer, network error, 5xx) is not believed: the item becomes unknown,
 * to be checked against Meta's list (see settleWithList).
 */
export function outcomeOfAnswer(item: JobItem, answer: BatchAnswer, job: Pick<Job, 'kind' | 'origin'>): ItemOutcome {
  const unchanged = { reason: undefined, refusal: undefined, mayHaveReached: item.mayHaveReached };
  if (answer === null) return { ...unchanged, state: 'unknown', attempts: item.attempts, mayHaveReached: true };
  if (!answer.error) return { ...unchanged, state: job.kind === 'send' ? 'sent' : 'revoked', attempts: item.attempts + 1 };
  const { kind: errorKind } = answer.error;
  // Meta's own words when it gave some; ours otherwise.
  const words: Words = answer.error.details.metaMessage || answer.error.said;
  // Refusals of the account, not of this creator (the session, a throttle, a policy block): the creator waits for
  // the job to go on once the cause is gone.
  if (ACCOUNT_REFUSALS.has(errorKind)) return { ...unchanged, state: 'queued', attempts: item.attempts };
  const attempts = item.attempts + 1;
  if (errorKind === 'temporary' || errorKind === 'network') {
    // A 5xx may come after Meta applied the request. The person waiting on a single action gets the truth at once.
    if (attempts < MAX_ATTEMPTS)
      return { ...unchanged, state: job.origin === 'single' ? 'unknown' : 'queued', attempts, mayHaveReached: true };
    return { ...unchanged, state: 'unknown', attempts, mayHaveReached: true, refusal: said('reasonKeptFailing', { why: words }) };
  }
  if (item.mayHaveReached) return { ...unchanged, state: 'unknown', attempts, refusal: words };
  return { ...unchanged, state: 'failed', reason: words, attempts };
}

/** An item whose outcome was unknown, settled with the creator's record on Meta's list now: done, refused, or to send again. */
export function settleWithList(item: JobItem, record: PartnershipPermission | undefined, kind: Job['kind']): JobItem {
  const base = { ...item, refusal: undefined, mayHaveReached: undefined };
  if (tookEffect(kind, record?.status)) {
    return {
      ...base,
      state: kind === 'send' ? 'sent' : 'revoked',
      reason: CONFIRMED_WITH_META,
      creatorId: item.creatorId ?? record?.creatorId,
    };
  }
  if (item.refusal) return { ...base, state: 'failed', reason: item.refusal };
  return { ...base, state: 'queued' };
}
