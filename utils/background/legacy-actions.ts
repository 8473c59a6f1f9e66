import type { IDBPTransaction, StoreNames } from 'idb';
import type { Job, JobItem } from '../bulk/job';
import type { CollabDeskDb, CollabDeskSchema } from '../db/database';

/** A single send or revoke as versions 2 and 3 of the database kept it (store `actions`). */
export interface LegacyAction {
  id: string;
  kind: 'send' | 'revoke';
  brandIgId: string;
  username?: string;
  creatorId?: string;
  state: 'in-flight' | 'kept';
  reason?: string;
  retryAt?: number;
  outcomeUnknown?: boolean;
  createdAt: number;
  updatedAt: number;
}

/**
 * The job of one a legacy action becomes. It stays where it was, waiting for the person's Try
 * again (paused, with its reason); one that may have reached Meta is checked against Meta's
 * list before anything is sent again.
 */
export function jobFromLegacyAction(action: LegacyAction): { job: Job; item: JobItem } {
  const jobId = `legacy-${action.id}`;
  const mayHaveReached = action.state === 'in-flight' || action.outcomeUnknown === true;
  return {
    job: {
      id: jobId,
      kind: action.kind,
      origin: 'single',
      brandIgId: action.brandIgId,
      brandUsername: '',
      state: 'paused',
      total: 1,
      waitReason: action.reason ?? 'Collab Desk was stopped before Facebook answered. Trying again checks first whether it went through.',
      createdAt: action.createdAt,
      updatedAt: action.updatedAt,
    },
    item: {
      jobId,
      index: 0,
      username: action.username ?? `#${action.creatorId ?? ''}`,
      creatorId: action.creatorId,
      state: mayHaveReached ? 'unknown' : 'queued',
      attempts: 0,
      updatedAt: action.updatedAt,
    },
  };
}

/**
 * Version 4: jobs written before it were all bulk jobs; every kept or interrupted single
 * action becomes a job of one, waiting for the person as before.
 */
export async function moveActionsIntoJobs(
  db: CollabDeskDb,
  transaction: IDBPTransaction<CollabDeskSchema, StoreNames<CollabDeskSchema>[], 'versionchange'>,
): Promise<void> {
  for (const job of await transaction.objectStore('jobs').getAll()) {
    if (!job.origin) await transaction.objectStore('jobs').put({ ...job, origin: 'bulk' });
  }
  const legacyName = 'actions' as StoreNames<CollabDeskSchema>;
  const legacy = (await transaction.objectStore(legacyName).getAll()) as unknown as LegacyAction[];
  for (const action of legacy) {
    const { job, item } = jobFromLegacyAction(action);
    await transaction.objectStore('jobs').put(job);
    await transaction.objectStore('job-items').put(item);
  }
  db.deleteObjectStore(legacyName);
}
