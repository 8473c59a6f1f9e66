import { creatorIndex, decidingRecord, type PartnershipPermission } from '../partnerships/permission-record';
import { planStep, type ActionKind } from '../partnerships/status';
import type { Said } from '../i18n/said';

export interface PlannedStep {
  username: string;
  run: boolean;
  /** What will happen: "New request", "Already approved"... */
  note: Said;
  currentStatus?: string;
  /** The creator's Instagram ID, when the brand's list gives it. */
  creatorId?: string;
}

export interface BulkPlan {
  kind: ActionKind;
  steps: PlannedStep[];
  /** Notes with how many creators each applies to, in first-seen order. */
  counts: Array<[Said, number]>;
  toRun: number;
}

/**
 * The dry run: what a bulk send or revoke will do to each creator, given the brand's current list
 * (with a creator's records Meta gave without a name put under the name they were looked up by).
 */
export function planBulk(
  kind: ActionKind,
  usernames: readonly string[],
  current: readonly PartnershipPermission[],
  /** Creators another job holds (by position in `usernames`), with why: skipped, never asked twice. */
  heldElsewhere: ReadonlyArray<Said | undefined> = [],
): BulkPlan {
  const standing = creatorIndex(current, decidingRecord);
  const steps = usernames.map((username, index): PlannedStep => {
    const record = standing.find({ creatorUsername: username });
    const held = heldElsewhere[index];
    const step = held ? { run: false, note: held } : planStep(kind, record?.status);
    return { username, currentStatus: record?.status, creatorId: record?.creatorId, ...step };
  });
  const counts = new Map<string, [Said, number]>();
  for (const step of steps) {
    const key = JSON.stringify(step.note);
    counts.set(key, [step.note, (counts.get(key)?.[1] ?? 0) + 1]);
  }
  return { kind, steps, counts: [...counts.values()], toRun: steps.filter((step) => step.run).length };
}
