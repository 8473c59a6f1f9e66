import type { AppErrorKind } from '../errors';
import { AppError } from '../errors';
import type { BatchAnswer } from '../graph/client';
import { MAX_BATCH_SIZE } from '../graph/client';
import { permissionRequest } from '../partnerships/permission-request';
import { said, type Words } from '../i18n/said';
import { BULK_LANES, transientBackoff } from './governor';
import { ACCOUNT_REFUSALS, isPassingFailure, outcomeOfAnswer, unsure } from './item-outcome';
import { creatorOfItem, type Job, type JobItem } from './job';
import type { JobWrites } from './job-writes';
import type { OutcomeMemory } from './remembered-outcomes';
import type { RunnerContext } from './runner-context';
import { serialQueue } from './serial-queue';
import { createUsagePacer } from './usage-pacer';

/** A wait a round of batches asks for before the job sends again: pacing, or a back-off after passing failures. */
export interface Pause {
  ms: number;
  reason: Words;
  cause: AppErrorKind;
}

export type BatchSender = ReturnType<typeof createBatchSender>;

/**
 * Sending a job's queued items to Meta in batch requests and taking their answers: every item
 * is written in flight before its batch leaves and settled from its answer after.
 */
export function createBatchSender(ctx: RunnerContext, writes: JobWrites, memory: OutcomeMemory) {
  const { deps, now } = ctx;
  const { changeItems, settleItems } = writes;
  const { rememberBehind } = memory;

  /** Paces bulk jobs by Meta's usage (utils/bulk/usage-pacer.ts): kept for the worker's life, as Meta's window is. */
  const pacer = createUsagePacer(MAX_BATCH_SIZE, BULK_LANES);

  /**
   * Sends the job's queued items in batches over a few lanes, as the pacer advises: each lane
   * takes the next items (marked in flight, one lane at a time), sends them and settles the
   * answers, so one lane's bookkeeping runs while the others' requests are on their way. The
   * lanes stop when nothing is queued, when the pacer or a batch asks for a pause (the longest
   * is returned), when one fails (rethrown once every lane has settled what it sent), or when
   * the runner is kicked (a single action may be waiting). A single action is one creator the
   * person asked for: it goes at once.
   */
  async function sendInLanes(job: Job): Promise<{ sent: number; pause?: Pause }> {
    const round: { sent: number; inFlight: number; pause?: Pause; failure?: { error: unknown } } = { sent: 0, inFlight: 0 };
    // One lane at a time takes its items (marked in flight), so no two lanes take the same ones. The
    // queued items are read once a round (reading them a batch at a time scans past every item taken
    // before); an item is taken only while it is still queued in the store (a cancel meanwhile wins).
    const taking = serialQueue();
    let queued: JobItem[] | undefined;
    const take = (size: number) =>
      taking.run(async (): Promise<JobItem[]> => {
        // Paused or stopped meanwhile: nothing more leaves (what is on its way lands).
        if ((await deps.store.get(job.id))?.state !== 'running') return [];
        queued ??= await deps.store.itemsIn(job.id, 'queued');
        const next = queued.splice(0, size);
        if (next.length === 0) return [];
        const marked = await changeItems(
          job.id,
          next.map((item) => ({ ...item, state: 'in-flight' })),
          [],
          { onlyFrom: 'queued' },
        );
        const taken = new Set(marked.map((item) => item.index));
        return next.filter((item) => taken.has(item.index));
      });
    const pauseFor = (asked: Pause) => {
      // Another lane may have asked for a pause meanwhile: the longer one holds.
      const asking = round.pause as Pause | undefined;
      if (asked.ms > (asking?.ms ?? 0)) round.pause = asked;
    };
    const lanes: Array<Promise<void>> = [];
    const lane = async (): Promise<void> => {
      while (!round.failure && !round.pause && !ctx.attention) {
        const advice = job.origin === 'single' ? { items: MAX_BATCH_SIZE, lanes: 1 } : pacer.advise(now(), round.inFlight);
        if ('waitMs' in advice) {
          // The lanes with a batch on its way go on; the last one asks the job to wait.
          if (round.inFlight === 0)
            pauseFor({ ms: advice.waitMs, reason: said('waitPacing', { at: { clock: now() + advice.waitMs } }), cause: 'rate-limited' });
          return;
        }
        round.inFlight += advice.items;
        // While Meta has room, more lanes join (each asks the pacer in turn, counting what is on its way).
        // (started on the next tick: a lane is counted before it runs)
        while (lanes.length < advice.lanes) lanes.push(Promise.resolve().then(lane));
        const items = await take(advice.items);
        round.inFlight -= advice.items - items.length;
        if (items.length === 0) return;
        round.sent += items.length;
        try {
          const backoff = await sendBatch(job, items);
          if (backoff) pauseFor(backoff);
        } catch (error) {
          round.failure ??= { error };
        } finally {
          round.inFlight -= items.length;
        }
      }
    };
    ctx.attention = false;
    lanes.push(Promise.resolve().then(lane));
    for (let index = 0; index < lanes.length; index++) await lanes[index];
    if (round.failure) throw round.failure.error;
    return { sent: round.sent, pause: round.pause };
  }

  /** Sends items already marked in flight as one batch request; returns the back-off before trying failed ones again, if any. */
  async function sendBatch(job: Job, items: JobItem[]): Promise<Pause | undefined> {
    let answers: BatchAnswer[];
    let usagePercent: number;
    const sentAt = now();
    try {
      const answered = await deps.graph.batch(items.map((item) => permissionRequest(job.kind, job.brandIgId, creatorOfItem(item))));
      answers = answered.answers;
      usagePercent = answered.usage.percent;
      ctx.networkFailures = 0;
    } catch (failure) {
      // Any failure but a refusal Meta gave before acting (or a request that never left) may hide a delivered request.
      await changeItems(
        job.id,
        items.map((item) => (mayHaveLeft(failure) ? unsure(item) : { ...item, state: 'queued' })),
      );
      throw failure;
    }
    // A throttled answer reads 100 %: the wait for Meta's window (handleJobError) covers it, and the pacer starts again after.
    if (!answers.some((answer) => answer?.error?.kind === 'rate-limited')) pacer.answered(sentAt, now(), items.length, usagePercent);
    const settled = items.map((item, position) => ({
      item,
      answer: answers[position] ?? null,
      ...outcomeOfAnswer(item, answers[position] ?? null, job.kind),
    }));
    const settledItems = settled.map(({ item, answer: _answer, ...change }) => ({ ...item, ...change }));
    await settleItems(job, settledItems);
    // The cached lists follow while the next batch is on its way (the items themselves are already stored).
    rememberBehind(
      job,
      settledItems.map((item, position) => ({ item, permissionId: permissionIdOf(settled[position]!.answer) })),
    );
    // A refusal of the account (the session first, then a throttle, then a policy block) would refuse every creator
    // alike: the job waits or stops, and says why (handleJobError).
    for (const kind of ACCOUNT_REFUSALS) {
      const refused = answers.find((answer) => answer?.error?.kind === kind)?.error;
      if (refused) throw refused;
    }
    // Meta failing for a passing reason: the job backs off (the items are checked with Meta first, then sent again).
    const everyItemUnanswered = settled.every(({ answer }) => answer === null);
    const transientAttempts = settled
      .filter(({ item, answer }) => isPassingFailure(answer, item, everyItemUnanswered))
      .map(({ answer, attempts, unsureAttempts }) => Math.max(1, answer === null ? (unsureAttempts ?? 1) : attempts));
    const backoff =
      transientAttempts.length > 0 ? transientBackoff(transientAttempts.reduce((most, attempts) => Math.max(most, attempts))) : 0;
    if (backoff > 0) return { ms: backoff, reason: said('waitTemporary', { at: { clock: now() + backoff } }), cause: 'temporary' };
    return undefined;
  }

  return { sendInLanes };
}

/** Whether a failed batch request may have reached Meta: anything but a refusal given before Meta acted, or a request that never left. */
function mayHaveLeft(failure: unknown): boolean {
  if (!(failure instanceof AppError)) return true;
  if (failure.details.neverSent) return false;
  return failure.kind === 'network' || failure.kind === 'temporary' || failure.kind === 'unexpected-response';
}

function permissionIdOf(answer: BatchAnswer): string | undefined {
  const id = (answer?.body as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
