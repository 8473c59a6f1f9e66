import { AppError } from '../errors';
import { sendRefusal } from '../partnerships/status';
import { said } from '../i18n/said';
import { settleWithList } from './item-outcome';
import { creatorOfItem, type Job, type JobItem } from './job';
import type { JobWrites } from './job-writes';
import type { OutcomeMemory } from './remembered-outcomes';
import type { RunnerContext } from './runner-context';

export type OutcomeChecks = ReturnType<typeof createOutcomeChecks>;

/**
 * Read Meta first: before anything is sent again, every item whose earlier attempt may have
 * reached Meta (and every single send asked for while Meta could not answer) is checked
 * against the creator's record read from Meta now. Nobody is asked twice on a guess.
 */
export function createOutcomeChecks(ctx: RunnerContext, writes: JobWrites, memory: OutcomeMemory) {
  const { deps } = ctx;
  const { settleItems } = writes;
  const { rememberBehind } = memory;

  /**
   * A single send asked for while Meta could not say where the creator stands: the creator is
   * looked up by name first, and one already approved or pending (or with a status Collab Desk
   * does not know) is skipped with why, never asked a second time.
   */
  async function checkUnchecked(job: Job): Promise<void> {
    if (job.kind !== 'send') return;
    const unchecked = (await deps.store.itemsIn(job.id, 'queued')).filter((item) => item.unchecked);
    if (unchecked.length === 0) return;
    const records = await deps.readRecords(job.brandIgId, unchecked.map(creatorOfItem));
    // A send is never made unchecked: without an answer for each, nothing goes out this round.
    if (records.includes(null)) throw new AppError('temporary', said('errorBatchNoAnswer'));
    const checked = unchecked.map((item, index): JobItem => {
      const refusal = sendRefusal(records[index]?.status, item.username, job.brandUsername);
      return { ...item, unchecked: undefined, ...(refusal ? { state: 'skipped', reason: refusal } : {}) };
    });
    // Only while still queued: a kept action discarded during the lookup stays gone.
    await settleItems(job, checked, { onlyFrom: 'queued' });
  }

  /**
   * Items whose attempt may have reached Meta: their creators' records are read from Meta
   * together (readRecords); each is done if the record shows the change, else refused, or
   * queued to be sent again. Written only while still unknown.
   */
  async function settleUnknown(job: Job): Promise<void> {
    const unknown = await deps.store.itemsIn(job.id, 'unknown');
    const records = await deps.readRecords(job.brandIgId, unknown.map(creatorOfItem));
    ctx.networkFailures = 0;
    // A creator Meta gave no answer for stays unknown and is asked about again; none answered at all: back off first.
    if (records.every((record) => record === null)) throw new AppError('temporary', said('errorBatchNoAnswer'));
    const answered = unknown.flatMap((item, index) => (records[index] === null ? [] : [{ item, record: records[index] ?? undefined }]));
    const settled = answered.map(({ item, record }) => ({ item: settleWithList(item, record, job.kind), record }));
    await settleItems(
      job,
      settled.map(({ item }) => item),
      { onlyFrom: 'unknown' },
    );
    rememberBehind(
      job,
      settled.map(({ item, record }) => ({ item, status: record?.status, permissionId: record?.id })),
    );
  }

  return { checkUnchecked, settleUnknown };
}
