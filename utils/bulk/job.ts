import type { BulkKind } from './plan';

/**
 * running: items are being sent. paused: by the person. waiting: for Meta's rate limit to
 * lift (resumeAt) or for the person to reconnect. done / cancelled: finished.
 */
export type JobState = 'running' | 'paused' | 'waiting' | 'done' | 'cancelled';

export interface BulkJob {
  id: string;
  kind: BulkKind;
  brandIgId: string;
  brandUsername: string;
  state: JobState;
  total: number;
  /** Why the job is waiting, in plain words. */
  waitReason?: string;
  waitingFor?: 'time' | 'login';
  resumeAt?: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * queued: not sent yet. in-flight: in a batch on its way. unknown: the batch's answer was
 * lost (worker stopped, null answer), so it is checked against Meta before anything else.
 */
export type ItemState = 'queued' | 'in-flight' | 'unknown' | 'sent' | 'revoked' | 'failed' | 'skipped';

export interface BulkItem {
  jobId: string;
  /** Position in the person's list; results keep this order. */
  index: number;
  username: string;
  /** The creator's Instagram ID when known: sends and revokes then name the creator by it. */
  creatorId?: string;
  state: ItemState;
  reason?: string;
  attempts: number;
  updatedAt: number;
}

export const FINISHED_ITEM_STATES: ReadonlySet<ItemState> = new Set(['sent', 'revoked', 'failed', 'skipped']);

/** The outcome words of the Results table (UI contract), and words for items still on their way. */
export function outcomeWord(state: ItemState): string {
  switch (state) {
    case 'sent':
      return 'Sent';
    case 'revoked':
      return 'Revoked';
    case 'failed':
      return 'Failed';
    case 'skipped':
      return 'Skipped';
    case 'in-flight':
      return 'Sending';
    case 'unknown':
      return 'Checking';
    default:
      return 'Waiting';
  }
}

export function countItems(items: readonly BulkItem[]): Record<ItemState, number> {
  const counts: Record<ItemState, number> = { queued: 0, 'in-flight': 0, unknown: 0, sent: 0, revoked: 0, failed: 0, skipped: 0 };
  for (const item of items) counts[item.state] += 1;
  return counts;
}
