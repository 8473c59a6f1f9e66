import { statusAfter } from '../partnerships/status';
import { creatorOfItem, type Job, type JobItem } from './job';
import type { ConfirmedOutcome, RunnerContext } from './runner-context';
import { serialQueue } from './serial-queue';

/** How often, at most, a running job puts its outcomes into the cached lists (see rememberBehind). */
const REMEMBER_EVERY_MS = 1_000;

export type OutcomeMemory = ReturnType<typeof createOutcomeMemory>;

/**
 * Updates of the cached lists behind the batches. Rewriting a brand's list costs about as much
 * as a batch does, so outcomes are gathered and put in at most once a second while a job runs
 * (the first at once), each creator once with its latest outcome; the rest before the job is
 * Done (flushRemembered).
 */
export function createOutcomeMemory(ctx: RunnerContext) {
  const { deps, now } = ctx;
  let toRemember: Array<{ brandIgId: string; outcomes: ConfirmedOutcome[] }> = [];
  const remembering = serialQueue();
  let rememberTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRememberedAt = Number.NEGATIVE_INFINITY;
  function rememberBehind(job: Job, settled: Array<{ item: JobItem; permissionId?: string; status?: string }>): void {
    const outcomes = confirmedOutcomes(job, settled);
    if (outcomes.length === 0) return;
    toRemember.push({ brandIgId: job.brandIgId, outcomes });
    if (rememberTimer) return;
    const wait = Math.min(REMEMBER_EVERY_MS, Math.max(0, lastRememberedAt + REMEMBER_EVERY_MS - now()));
    rememberTimer = setTimeout(() => void flushRemembered(), wait);
  }

  /** Puts every outcome gathered so far into the cached lists; settles when they are in. */
  function flushRemembered(): Promise<void> {
    clearTimeout(rememberTimer);
    rememberTimer = undefined;
    // A failed cache update costs freshness only: the list is read from Meta again when it is stale.
    return remembering.add(async () => {
      const taken = toRemember;
      toRemember = [];
      if (taken.length === 0) return;
      lastRememberedAt = now();
      for (const [brandIgId, outcomes] of latestPerCreator(taken)) await deps.rememberOutcomes(brandIgId, outcomes);
    });
  }

  return { rememberBehind, flushRemembered };
}

/** Outcomes to put into the cached lists: the status Meta's list showed when it settled the item, else the one the action leaves. */
function confirmedOutcomes(job: Job, settled: Array<{ item: JobItem; permissionId?: string; status?: string }>): ConfirmedOutcome[] {
  return settled
    .filter(({ item }) => item.state === 'sent' || item.state === 'revoked')
    .map(({ item, permissionId, status }) => ({ ...creatorOfItem(item), status: status ?? statusAfter(job.kind), permissionId }));
}

/** Outcomes by brand, in order, each creator once with its latest outcome. */
function latestPerCreator(taken: ReadonlyArray<{ brandIgId: string; outcomes: ConfirmedOutcome[] }>): Map<string, ConfirmedOutcome[]> {
  const byBrand = new Map<string, Map<string, ConfirmedOutcome>>();
  for (const { brandIgId, outcomes } of taken) {
    const latest = byBrand.get(brandIgId) ?? new Map<string, ConfirmedOutcome>();
    for (const outcome of outcomes) {
      const key = outcome.username !== undefined ? `@${outcome.username}` : `#${outcome.creatorId}`;
      latest.delete(key);
      latest.set(key, outcome);
    }
    byBrand.set(brandIgId, latest);
  }
  return new Map([...byBrand].map(([brandIgId, latest]) => [brandIgId, [...latest.values()]]));
}
