import type { AppErrorKind } from '../errors';
import type { BatchAnswer } from '../graph/client';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { tookEffect } from '../partnerships/status';
import { MAX_ATTEMPTS } from './governor';
import type { Job, JobItem } from './job';
import { said, type Words } from '../i18n/said';

export type ItemOutcome = Pick<JobItem, 'state' | 'reason' | 'attempts' | 'mayHaveReached' | 'refusal' | 'unsureAttempts'>;

export const CONFIRMED_WITH_META = said('reasonConfirmedWithMeta');

/**
 * Errors that stop a whole job (runner), as they say nothing of one creator; the runner heeds
 * them in this order. A missing permission is not one of them: Meta's codes 10 and 200-299 may
 * be about one creator, so those creators fail with the reason and Retry failed asks again.
 */
export const ACCOUNT_REFUSALS: ReadonlySet<AppErrorKind> = new Set(['session-expired', 'rate-limited', 'policy-blocked']);

/**
 * Errors after which a request may have reached Meta and been applied: a 5xx, a lost or
 * unreadable answer. The item is never sent again before its creator's record has been read
 * from Meta (settleWithList).
 */
export const MAY_HAVE_REACHED: ReadonlySet<AppErrorKind> = new Set(['temporary', 'network', 'unexpected-response']);

/**
 * What one item's answer in a batch means. After an attempt that may have reached Meta (a 5xx, a
 * lost answer) the item's outcome is unknown, whatever the path (bulk, single, retry, resume):
 * it is checked against Meta's record before anything is sent again, and a refusal that follows
 * such an attempt is checked, not believed.
 */
export function outcomeOfAnswer(item: JobItem, answer: BatchAnswer, kind: Job['kind']): ItemOutcome {
  const unchanged = { reason: undefined, refusal: undefined, mayHaveReached: item.mayHaveReached };
  const uncertain = { state: 'unknown' as const, mayHaveReached: true, unsureAttempts: (item.unsureAttempts ?? 0) + 1 };
  if (answer === null) {
    // Meta left this item unanswered: checked with Meta each time, and given up on after as many times as a 5xx.
    const refusal = uncertain.unsureAttempts < MAX_ATTEMPTS ? undefined : said('reasonNeverAnswered', { times: MAX_ATTEMPTS });
    return { ...unchanged, ...uncertain, attempts: item.attempts, refusal };
  }
  if (!answer.error) return { ...unchanged, state: kind === 'send' ? 'sent' : 'revoked', attempts: item.attempts + 1 };
  const { kind: errorKind } = answer.error;
  // Meta's own words when it gave some; ours otherwise.
  const words: Words = answer.error.details.metaMessage || answer.error.said;
  // Refusals of the account, not of this creator (the session, a throttle, a policy block): the creator waits for
  // the job to go on once the cause is gone.
  if (ACCOUNT_REFUSALS.has(errorKind)) return { ...unchanged, state: 'queued', attempts: item.attempts };
  const attempts = item.attempts + 1;
  if (MAY_HAVE_REACHED.has(errorKind)) {
    const refusal = attempts < MAX_ATTEMPTS ? undefined : said('reasonKeptFailing', { why: words });
    return { ...unchanged, ...uncertain, attempts, refusal };
  }
  if (item.mayHaveReached) return { ...unchanged, state: 'unknown', attempts, refusal: words };
  return { ...unchanged, state: 'failed', reason: words, attempts };
}

/**
 * Whether an answer was a passing failure of the item, after which the job backs off before
 * sending again: a 5xx, an unreadable answer, or an item Meta left unanswered (its batch timed
 * out on Meta's side) when every item of the batch was, or when it was unanswered before. An
 * item unanswered once among answered ones is only checked, at once.
 */
export function isPassingFailure(answer: BatchAnswer, before: JobItem, everyItemUnanswered: boolean): boolean {
  if (answer === null) return everyItemUnanswered || (before.unsureAttempts ?? 0) > 0;
  return answer.error !== undefined && MAY_HAVE_REACHED.has(answer.error.kind);
}

/** An attempt whose answer never came (a lost answer, a worker stopped with it on its way): checked with Meta before anything else. */
export function unsure(item: JobItem): JobItem {
  return { ...item, state: 'unknown', mayHaveReached: true, unsureAttempts: (item.unsureAttempts ?? 0) + 1 };
}

/**
 * An item whose outcome was unknown, settled with the creator's record read from Meta now:
 * done (Confirmed with Meta), refused, or to send again: only now is sending again safe.
 */
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
