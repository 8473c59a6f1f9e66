import type { AppErrorKind } from '../errors';
import type { CreatorRef } from '../partnerships/permission-request';
import type { ActionKind } from '../partnerships/status';
import { said, type MessageKey, type Said, type Words } from '../i18n/said';

/**
 * planned: the dry run, made in the background from Meta's fresh list, waiting for Confirm.
 * running: items are being sent. paused: by the person. waiting: for a time (Meta's rate
 * limit, a passing failure; resumeAt, backed by an alarm) or for a new login.
 * done / cancelled: finished.
 */
export type JobState = 'planned' | 'running' | 'paused' | 'waiting' | 'done' | 'cancelled';

/**
 * Every send and revoke is a job: a single one from the popup or the Partnerships view is a
 * job of one (origin single, run before any bulk job), a bulk one has many items.
 */
export interface Job {
  id: string;
  kind: ActionKind;
  origin: 'single' | 'bulk';
  brandIgId: string;
  brandUsername: string;
  state: JobState;
  total: number;
  /** Why the job is waiting or paused, as words for the page to say (a string only in records of older versions). */
  waitReason?: Words;
  /** What kind of trouble it waits out (rate-limited, session-expired, network...), for the single-action path. */
  waitCause?: AppErrorKind;
  waitingFor?: 'time' | 'login';
  resumeAt?: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * queued: not sent yet. in-flight: in a batch on its way. unknown: the outcome is not known
 * (worker stopped, answer lost, or refused after an attempt that may have reached Meta), so
 * it is checked against Meta's list before anything else.
 */
export type ItemState = 'queued' | 'in-flight' | 'unknown' | 'sent' | 'revoked' | 'failed' | 'skipped';

export interface JobItem {
  jobId: string;
  /** Position in the person's list; results keep this order. */
  index: number;
  /** The creator's username, or "#<Instagram ID>" when Meta named them by ID only. */
  username: string;
  /** The creator's Instagram ID when known: sends and revokes then name the creator by it. */
  creatorId?: string;
  state: ItemState;
  reason?: Words;
  attempts: number;
  /**
   * An earlier attempt may have reached Meta (lost answer, network error, 5xx, worker stopped with
   * the request on its way): the item is not sent again before its creator's record is read from Meta.
   */
  mayHaveReached?: boolean;
  /** How many attempts may have reached Meta without an answer saying so (each was checked with Meta before the next). */
  unsureAttempts?: number;
  /** Meta's refusal, kept while the item is checked: it becomes the reason if the list shows nothing happened. */
  refusal?: Words;
  /** A single send asked for while Meta could not say where the creator stands: looked up by name before it goes out. */
  unchecked?: boolean;
  updatedAt: number;
}

/** The creator an item names, as a send or revoke names them. */
export function creatorOfItem(item: Pick<JobItem, 'username' | 'creatorId'>): CreatorRef {
  return { username: item.username.startsWith('#') ? undefined : item.username, creatorId: item.creatorId };
}

const OUTCOME_WORDS = {
  sent: 'outcomeSent',
  revoked: 'outcomeRevoked',
  failed: 'outcomeFailed',
  skipped: 'outcomeSkipped',
  'in-flight': 'outcomeSending',
  unknown: 'outcomeChecking',
  queued: 'outcomeWaiting',
} as const satisfies Record<ItemState, MessageKey>;

/** The outcome words of the Results table (UI contract), and words for items still on their way. */
export function outcomeWord(state: ItemState): Said {
  return said(OUTCOME_WORDS[state]);
}

export function countItems(items: readonly JobItem[]): Record<ItemState, number> {
  const counts: Record<ItemState, number> = { queued: 0, 'in-flight': 0, unknown: 0, sent: 0, revoked: 0, failed: 0, skipped: 0 };
  for (const item of items) counts[item.state] += 1;
  return counts;
}
