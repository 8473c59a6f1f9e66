import type { GraphClient } from '../graph/client';
import type { PartnershipPermission } from '../partnerships/permission-record';
import type { CreatorRef } from '../partnerships/permission-request';
import type { ItemState, Job, JobItem } from './job';
import type { JobStore } from './job-store';

/** What changed in a job: the job itself, the items whose state moved, and the counts now. */
export interface JobProgress {
  job: Job;
  items: JobItem[];
  counts: Record<ItemState, number>;
}

export interface ConfirmedOutcome {
  /** Absent when Meta named the creator by Instagram ID only. */
  username?: string;
  creatorId?: string;
  status: string;
  /** The permission's ID, when Meta's answer gave it. */
  permissionId?: string;
}

export interface JobRunnerDeps {
  store: JobStore;
  graph: GraphClient;
  /**
   * These creators' records for the brand, read from Meta now (undefined: never asked; null: Meta
   * gave no answer for this one), in their order: by name, 50 to a batch request, or the brand's
   * list where that cannot answer. Fails rather than guess, so nobody is sent again on a guess.
   */
  readRecords(brandIgId: string, creators: readonly CreatorRef[]): Promise<Array<PartnershipPermission | undefined | null>>;
  /** Puts confirmed outcomes into the cached lists the rest of the UI reads. */
  rememberOutcomes(brandIgId: string, outcomes: ConfirmedOutcome[]): Promise<void>;
  /** Told of every change, with what changed. */
  onProgress(progress: JobProgress): void;
  /** Meta refused the token inside a batch: tries a silent renewal (true when a session is back). */
  renewSession(): Promise<boolean>;
  /** Makes sure the worker is woken by this time (an alarm), whether or not it is still alive then. */
  wakeAt(time: number): void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Bulk jobs wait up to this long in place (the alarm stays as a backstop); longer waits end the run. */
  longestSleepMs?: number;
}

/**
 * What the runner's parts share: the injected deps (with their defaults filled in) and the
 * little state more than one part reads or moves. State only one part uses stays inside it.
 */
export interface RunnerContext {
  deps: JobRunnerDeps;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Bulk jobs wait up to this long in place; longer waits end the run (JobRunnerDeps.longestSleepMs). */
  longestSleep: number;
  /** Requests that could not get out, in a row (reset by any answer): the wait before the next try grows with them. */
  networkFailures: number;
  /** Set by kick(): the lanes stop after their batch, so the runner can look again (a single action may be waiting). */
  attention: boolean;
  /**
   * Jobs this worker took over from a stopped one: outcomes the stopped worker had gathered
   * but not yet put into the cached lists are gone with it, so at Done every confirmed outcome
   * of the job is put in from the store (runJob).
   */
  recovered: Set<string>;
}

export function createRunnerContext(deps: JobRunnerDeps): RunnerContext {
  return {
    deps,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    longestSleep: deps.longestSleepMs ?? 25_000,
    networkFailures: 0,
    attention: false,
    recovered: new Set<string>(),
  };
}
