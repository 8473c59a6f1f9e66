import { AppError, type AppErrorKind } from '../errors';
import type { PartnershipPermission } from '../partnerships/permission-record';
import { creatorRefLabel, type CreatorRef } from '../partnerships/permission-request';
import { sendRefusal, statusAfter, type ActionKind } from '../partnerships/status';
import { creatorOfItem, type Job, type JobItem } from './job';
import type { JobStore } from './job-store';
import { planBulk, type PlannedStep } from './plan';
import type { JobRunner } from './runner';
import { isSaid, said, type Said, type Words } from '../i18n/said';
import { checkUsername } from '../instagram/username';

export interface WritePipelineDeps {
  runner: JobRunner;
  store: JobStore;
  /**
   * The brand's list fresh from Meta (never the cache), answering for these creators: dry runs
   * are planned on it. Creators it cannot vouch for (Meta named not every record) are looked up by name.
   */
  fetchBrandList(brandIgId: string, usernames: readonly string[]): Promise<PartnershipPermission[]>;
  /** The brand account's username, for the audit log and the job panel. */
  brandUsernameOf(brandIgId: string): Promise<string>;
  /** What the cache knows of a creator after a confirmed change. */
  knownRecord(brandIgId: string, creator: CreatorRef): Promise<PartnershipPermission | undefined>;
  /** The creator's record as last known (the newer cached copy, with no refresh behind it), asked of Meta when none answers. */
  currentRecord(brandIgId: string, username: string): Promise<PartnershipPermission | undefined>;
  now?: () => number;
}

export interface PlanRequest {
  kind: ActionKind;
  brandIgId: string;
  usernames: readonly string[];
  /** Lines of the person's list that are not usernames, with why: shown as Skipped. */
  invalid: ReadonlyArray<{ input: string }>;
}

/** The dry run as the Confirm dialog shows it; jobId is empty when there is nothing to do. */
export interface PlanSummary {
  jobId: string;
  kind: ActionKind;
  brandUsername: string;
  toRun: number;
  /** Notes ("New request", "Already approved"...) with how many creators each applies to. */
  counts: Array<[Said, number]>;
  invalid: number;
  /** The first creators' steps, for "Each creator". */
  steps: PlannedStep[];
}

/** A single send or revoke that could not finish yet: a job of one that waits or was paused. */
export interface KeptAction {
  id: string;
  kind: ActionKind;
  brandIgId: string;
  brandUsername: string;
  username?: string;
  creatorId?: string;
  reason?: Words;
  retryAt?: number;
}

const STEPS_SHOWN = 1000;

/** How long a dry run waits for its Confirm before another dry run clears it away. */
const PLAN_KEPT_MS = 60 * 60_000;

/** Why Meta could not be asked that passes by itself or with a login: a single action is kept, not refused. */
const KEPT_WHILE: ReadonlySet<AppErrorKind> = new Set(['rate-limited', 'session-expired', 'network', 'temporary']);

export type WritePipeline = ReturnType<typeof createWritePipeline>;

/**
 * The one way Collab Desk writes to Meta, as the background's handlers see it: a single send
 * or revoke is a job of one run at once; a bulk action is planned here on Meta's fresh list,
 * confirmed by the person, and run by the same runner.
 */
export function createWritePipeline(deps: WritePipelineDeps) {
  const now = deps.now ?? Date.now;
  /** A single send or revoke is refused while a job holds the creator for the same brand and action: never asked twice. */
  async function refuseIfHeld(kind: ActionKind, brandIgId: string, creator: CreatorRef): Promise<void> {
    const item = { username: creator.username ?? `#${creator.creatorId}`, creatorId: creator.creatorId };
    if (await deps.store.heldBy(brandIgId, kind, item)) {
      throw new AppError('invalid-request', said('errorInAnotherJob', { creator: creatorRefLabel(creator) }));
    }
  }

  /** Waits for a job of one and answers as the single action always did: the record, or an error. */
  async function outcomeOf(jobId: string, creator: CreatorRef, brandIgId: string, kind: ActionKind): Promise<PartnershipPermission> {
    const job = await deps.runner.settled(jobId);
    const [item] = await deps.store.items(jobId);
    if (job.state === 'done' && item) {
      await deps.store.remove(jobId);
      // Looked up before it went out (an unchecked send): the creator was already asked.
      if (item.state === 'skipped')
        throw new AppError(
          'invalid-request',
          isSaid(item.reason) ? item.reason : said('errorNotAccepted', { meta: item.reason ?? said('reasonNoneGiven') }),
        );
      if (item.state === 'failed')
        throw new AppError(job.waitCause ?? 'invalid-request', said('errorNotAccepted', { meta: item.reason ?? said('reasonNoneGiven') }));
      const known = await deps.knownRecord(brandIgId, { username: creator.username, creatorId: creator.creatorId ?? item.creatorId });
      return known ?? { creatorUsername: creator.username, creatorId: creator.creatorId, brandIgId, status: statusAfter(kind) };
    }
    const why = job.waitReason ?? said('keptNotYet');
    const kept = said(kind === 'send' ? 'keptRequest' : 'keptRevoke', { why, creator: creatorRefLabel(creator) });
    throw new AppError(job.waitCause ?? 'temporary', kept, { retryAt: job.resumeAt });
  }

  async function runSingle(kind: ActionKind, brandIgId: string, creator: CreatorRef, unchecked = false): Promise<PartnershipPermission> {
    const job = await deps.runner.create({
      kind,
      origin: 'single',
      brandIgId,
      brandUsername: await deps.brandUsernameOf(brandIgId),
      creators: [{ username: creator.username ?? `#${creator.creatorId}`, creatorId: creator.creatorId, unchecked }],
      state: 'running',
    });
    return outcomeOf(job.id, creator, brandIgId, kind);
  }

  return {
    /**
     * A single send, unless the creator's request already stands (or has a status Collab Desk
     * does not know): never a second one. When Meta cannot be asked now (throttled, offline,
     * an expired session), the send is kept and the creator looked up before it goes out.
     */
    async send(brandIgId: string, username: string): Promise<PartnershipPermission> {
      await refuseIfHeld('send', brandIgId, { username });
      let status: string | undefined;
      try {
        status = (await deps.currentRecord(brandIgId, username))?.status;
      } catch (error) {
        if (error instanceof AppError && KEPT_WHILE.has(error.kind)) return runSingle('send', brandIgId, { username }, true);
        throw error;
      }
      const refusal = sendRefusal(status, username, await deps.brandUsernameOf(brandIgId));
      if (refusal) throw new AppError('invalid-request', refusal);
      return runSingle('send', brandIgId, { username });
    },
    async revoke(brandIgId: string, creator: CreatorRef): Promise<PartnershipPermission> {
      await refuseIfHeld('revoke', brandIgId, creator);
      return runSingle('revoke', brandIgId, creator);
    },

    /** Single actions waiting or paused, oldest first; finished ones (the audit log keeps them) are cleared away. */
    async keptActions(): Promise<KeptAction[]> {
      const kept: KeptAction[] = [];
      for (const job of (await deps.store.all()).sort((a, b) => a.createdAt - b.createdAt)) {
        if (job.origin !== 'single') continue;
        if (job.state === 'done' || job.state === 'cancelled') await deps.store.remove(job.id);
        else if (job.state !== 'running') kept.push(keptAction(job, (await deps.store.items(job.id))[0]));
      }
      return kept;
    },

    /** Tries a kept action again now; one whose outcome is unknown is first checked against Meta. */
    async retryKept(jobId: string): Promise<PartnershipPermission> {
      const job = await deps.store.get(jobId);
      const [item] = await deps.store.items(jobId);
      if (!job || !item || job.origin !== 'single' || job.state === 'done' || job.state === 'cancelled') {
        throw new AppError('invalid-request', said('errorKeptGone'));
      }
      await deps.runner.resume(jobId);
      return outcomeOf(jobId, creatorOfItem(item), job.brandIgId, job.kind);
    },

    async discardKept(jobId: string): Promise<void> {
      const job = await deps.store.get(jobId);
      if (job?.origin !== 'single') return;
      await deps.runner.cancel(jobId);
      await deps.store.remove(jobId);
    },

    /**
     * The dry run, in the background on the brand's list fresh from Meta: each creator
     * classified, stored as a planned job that Confirm starts as it is.
     */
    async plan(request: PlanRequest): Promise<PlanSummary> {
      // Dry runs left behind (a tab closed before Confirm) are cleared; another tab's recent one stands.
      for (const stale of await deps.store.planned()) if (stale.createdAt < now() - PLAN_KEPT_MS) await deps.store.remove(stale.id);
      const brandUsername = await deps.brandUsernameOf(request.brandIgId);
      const current = await deps.fetchBrandList(request.brandIgId, request.usernames);
      const held = await deps.store.heldReasons(
        request.brandIgId,
        request.kind,
        request.usernames.map((username) => ({ username })),
      );
      const plan = planBulk(request.kind, request.usernames, current, held);
      const summary = {
        kind: request.kind,
        brandUsername,
        toRun: plan.toRun,
        counts: plan.counts,
        invalid: request.invalid.length,
        steps: plan.steps.slice(0, STEPS_SHOWN),
      };
      if (plan.toRun === 0) return { jobId: '', ...summary };
      const job = await deps.runner.create({
        kind: request.kind,
        origin: 'bulk',
        brandIgId: request.brandIgId,
        brandUsername,
        creators: plan.steps.filter((step) => step.run).map(({ username, creatorId }) => ({ username, creatorId })),
        skipped: [
          ...plan.steps.filter((step) => !step.run).map((step) => ({ username: step.username, reason: step.note })),
          ...request.invalid.map((entry) => ({ username: entry.input.slice(0, 300), reason: invalidReason(entry.input) })),
        ],
        state: 'planned',
      });
      return { jobId: job.id, ...summary };
    },

    /** Confirm: the planned job runs exactly as it was shown. */
    async confirm(jobId: string): Promise<Job> {
      // The job starts and claims its creators in one transaction: one another job holds now is skipped, with why.
      const started = await deps.store.start(jobId);
      if (!started) throw new AppError('invalid-request', said('errorPlanGone'));
      await deps.runner.resume(jobId);
      return (await deps.store.get(jobId)) ?? started.job;
    },

    /** Cancel in the Confirm dialog: the dry run is forgotten. */
    async discardPlan(jobId: string): Promise<void> {
      const job = await deps.store.get(jobId);
      if (job?.state === 'planned') await deps.store.remove(jobId);
    },
  };
}

/** Why a line of the person's list is not a username, said by the background itself. */
function invalidReason(input: string): Said {
  const check = checkUsername(input);
  return said('skippedInvalidUsername', { why: check.ok ? said('usernameEmpty') : check.reason });
}

function keptAction(job: Job, item: JobItem | undefined): KeptAction {
  const creator = item ? creatorOfItem(item) : {};
  return {
    id: job.id,
    kind: job.kind,
    brandIgId: job.brandIgId,
    brandUsername: job.brandUsername,
    ...creator,
    reason: job.waitReason,
    retryAt: job.resumeAt,
  };
}
