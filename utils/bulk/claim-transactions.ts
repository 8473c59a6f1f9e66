import type { AuditEntry } from '../audit/audit-log';
import type { IDBPTransaction } from 'idb';
import type { CollabDeskSchema } from '../db/database';
import type { ItemState, Job, JobItem } from './job';
import { claimKeys, claimStands, heldElsewhereReason, type ClaimKey, type CreatorClaim } from './claims';
import { said, type Said } from '../i18n/said';

/*
 * Claims inside the job store's transactions (utils/bulk/job-store.ts opens them): taken with
 * the job that claims, released with the items' outcomes, so a creator's claim and their item
 * never disagree. The rules of a claim are in claims.ts.
 */

/** A transaction over the stores a claim is checked and taken in. */
export type ClaimTransaction = IDBPTransaction<CollabDeskSchema, Array<'jobs' | 'job-items' | 'claims'>, 'readwrite'>;

/**
 * Takes the claims of a job's items in a transaction that also writes the job: an item whose
 * creator another job holds (or sent a moment ago) is answered with why, and claims nothing.
 */
export async function takeClaims(
  transaction: ClaimTransaction,
  job: Job,
  items: readonly JobItem[],
  now: number,
): Promise<Map<number, Said>> {
  const claims = transaction.objectStore('claims');
  const held = new Map<number, Said>();
  for (const item of items) {
    const keys = claimKeys(job, item);
    for (const key of keys) {
      const claim = await claims.get(key);
      if (!claim || held.has(item.index)) continue;
      const holderJob = await transaction.objectStore('jobs').get(claim.jobId);
      const holderItem = await transaction.objectStore('job-items').get([claim.jobId, claim.index]);
      if (claimStands(claim, { job: holderJob, item: holderItem }, now, job.id))
        held.set(item.index, heldElsewhereReason(holderJob, claim));
    }
    if (held.has(item.index)) continue;
    for (const key of keys) await claims.put(claimOf(key, job.id, item.index, now));
  }
  return held;
}

function claimOf([brandIgId, kind, creator]: ClaimKey, jobId: string, index: number, at: number): CreatorClaim {
  return { brandIgId, kind, creator, jobId, index, state: 'held', at };
}

/** An item held elsewhere is skipped, with why. */
export function skippedAs(item: JobItem, reason: Said, now: number): JobItem {
  return { ...item, state: 'skipped', reason, updatedAt: now };
}

/**
 * Claims end with their items' outcome: a creator sent (or revoked) keeps the claim for a short
 * while as done (the cached lists catch up meanwhile); failed or skipped frees them.
 */
export async function releaseClaims(
  transaction: IDBPTransaction<CollabDeskSchema, Array<'job-items' | 'audit' | 'claims' | 'jobs'>, 'readwrite'>,
  items: readonly JobItem[],
): Promise<void> {
  const finished = items.filter((item) => !UNSETTLED_STATES.has(item.state));
  if (finished.length === 0) return;
  const job = await transaction.objectStore('jobs').get(finished[0]!.jobId);
  if (!job) return;
  const claims = transaction.objectStore('claims');
  for (const item of finished) {
    for (const key of claimKeys(job, item)) {
      const claim = await claims.get(key);
      if (claim?.jobId !== item.jobId || claim.index !== item.index) continue;
      if (item.state === 'sent' || item.state === 'revoked') await claims.put({ ...claim, state: 'done', at: item.updatedAt });
      else await claims.delete(key);
    }
  }
}

const UNSETTLED_STATES: ReadonlySet<ItemState> = new Set(['queued', 'in-flight', 'unknown']);

/** Creators this brand's job kind was done to (by any job) since a time, from the audit log's newest entries. */
export async function actedOnSince(
  audit: { openCursor(query: null, direction: 'prev'): Promise<{ value: AuditEntry; continue(): Promise<unknown> } | null> },
  job: Job,
  since: number,
): Promise<Set<string>> {
  const done = new Set<string>();
  const effect = job.kind === 'send' ? 'Sent' : 'Revoked';
  let cursor = await audit.openCursor(null, 'prev');
  while (cursor && cursor.value.at >= since) {
    const entry = cursor.value;
    if (entry.brandIgId === job.brandIgId && entry.action === job.kind && entry.outcome === effect) done.add(entry.creator.toLowerCase());
    cursor = (await cursor.continue()) as typeof cursor;
  }
  return done;
}

export function doneSinceReason(job: Job): Said {
  return said(job.kind === 'send' ? 'reasonSentSincePlan' : 'reasonRevokedSincePlan');
}
