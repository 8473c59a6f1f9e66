import type { PartnershipPermission } from '../partnerships/permission-record';
import { statusGroup, statusWord } from '../partnerships/status';

export type BulkKind = 'send' | 'revoke';

export interface PlannedStep {
  username: string;
  run: boolean;
  /** What will happen, in words: "New request", "Already approved"... */
  note: string;
  currentStatus?: string;
}

export interface BulkPlan {
  kind: BulkKind;
  steps: PlannedStep[];
  /** Notes with how many creators each applies to, in first-seen order. */
  counts: Array<[string, number]>;
  toRun: number;
}

/** The dry run: what a bulk send or revoke will do to each creator, given the brand's current list. */
export function planBulk(kind: BulkKind, usernames: readonly string[], current: readonly PartnershipPermission[]): BulkPlan {
  const byUsername = new Map(current.filter((record) => record.creatorUsername).map((record) => [record.creatorUsername!, record]));
  const steps = usernames.map((username): PlannedStep => {
    const status = byUsername.get(username)?.status;
    return { username, currentStatus: status, ...decide(kind, status) };
  });
  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.note, (counts.get(step.note) ?? 0) + 1);
  return { kind, steps, counts: [...counts], toRun: steps.filter((step) => step.run).length };
}

function decide(kind: BulkKind, status: string | undefined): { run: boolean; note: string } {
  const group = statusGroup(status);
  if (kind === 'send') {
    if (group === 'approved') return { run: false, note: 'Already approved' };
    if (group === 'pending') return { run: false, note: 'Already pending' };
    if (group === 'not-requested') return { run: true, note: 'New request' };
    return { run: true, note: `Request again (was ${statusWord(status)})` };
  }
  if (group === 'approved' || group === 'pending') return { run: true, note: `Revoke (${statusWord(status)})` };
  return { run: false, note: `Nothing to revoke (${statusWord(status)})` };
}
