import type { AuditLog } from '../bulk/audit';
import type { CachedRead, CachedReader } from '../cache/cached-reader';
import type { CollabDeskDb } from '../cache/database';
import type { GraphCache } from '../cache/graph-cache';
import { AppError } from '../errors';
import type { GraphClient } from '../graph/client';
import { actionId, creatorRefLabel, KEEPABLE_ERRORS, type CreatorRef, type PartnershipAction } from './actions';
import { parsePermissionItems, type PartnershipPermission } from './permission-record';
import { statusAfter, tookEffect } from './status';
import { z } from 'zod';

export interface PartnershipsServiceDeps {
  graph: GraphClient;
  cache: GraphCache;
  reader: CachedReader;
  db: Promise<CollabDeskDb>;
  currentUserId(): Promise<string>;
  audit?: AuditLog;
  /** Told when a brand's permissions or kept actions changed. */
  onChange(brandIgId: string): void;
  now?: () => number;
}

export interface CreatorLookup {
  username: string;
  /** Absent when the creator has never been asked. */
  permission?: PartnershipPermission;
  fetchedAt: number;
  refreshing: boolean;
}

const LIST_TTL_MS = 5 * 60_000;
const CREATOR_TTL_MS = 2 * 60_000;

/** The field sets Meta documents, tried in order; the last resort asks for Meta's defaults. */
const FIELD_SETS: Array<string | undefined> = [
  'id,creator_ig_id,creator_username,brand_ig_id,permission_status,permission_created_time,permission_url',
  'id,creator_id,creator_username,brand_ig_user,permission_status',
  undefined,
];

const edge = (brandIgId: string) => `${brandIgId}/branded_content_ad_permissions`;
const sentRecord = z.object({ id: z.union([z.string(), z.number()]).optional() }).passthrough();

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;

/** Creator partnership-ad permissions of a brand: list, look up, send and revoke. */
export function createPartnershipsService(deps: PartnershipsServiceDeps) {
  const now = deps.now ?? Date.now;
  let fieldSet = 0;
  const listKey = async (brandIgId: string) => `${await deps.currentUserId()}:partnerships:${brandIgId}`;
  const creatorCacheKey = async (brandIgId: string, username: string) => `${await listKey(brandIgId)}:creator:${username}`;

  /** Lists with the first documented field set Meta accepts, remembering which one that was. */
  async function fetchPermissions(brandIgId: string, creatorUsername?: string): Promise<PartnershipPermission[]> {
    for (;;) {
      const fields = FIELD_SETS[fieldSet];
      try {
        const items = await deps.graph.getAll(edge(brandIgId), z.unknown(), {
          searchParams: { limit: 100, ...(fields ? { fields } : {}), ...(creatorUsername ? { creator_username: creatorUsername } : {}) },
        });
        return parsePermissionItems(items);
      } catch (error) {
        const unknownField = error instanceof AppError && error.kind === 'invalid-request' && /nonexist|unknown field|tried accessing/i.test(error.details.metaMessage ?? '');
        if (!unknownField || fieldSet >= FIELD_SETS.length - 1) throw error;
        fieldSet += 1;
      }
    }
  }

  async function fetchCreator(brandIgId: string, username: string): Promise<PartnershipPermission | null> {
    const found = await fetchPermissions(brandIgId, username);
    // Records without a username (SDK field set) can only be this creator's, as Meta filtered them.
    return found.find((record) => record.creatorUsername === username) ?? found.find((record) => !record.creatorUsername) ?? null;
  }

  /**
   * Writes confirmed changes into every cached copy that mentions the creators, each merged
   * over what was known (a revoke keeps the request's date and ID); returns the merged records.
   * Creators are matched by username, or by Instagram ID when Meta gave no username.
   */
  async function rememberChanges(brandIgId: string, changes: readonly PartnershipPermission[]): Promise<PartnershipPermission[]> {
    const list = (await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId)))?.value ?? [];
    const matches = (record: PartnershipPermission, change: PartnershipPermission) =>
      (change.creatorUsername !== undefined && record.creatorUsername === change.creatorUsername) || (change.creatorId !== undefined && record.creatorId === change.creatorId);
    const merged: PartnershipPermission[] = [];
    for (const change of changes) {
      const lookedUp = change.creatorUsername ? (await deps.cache.read<PartnershipPermission | null>(await creatorCacheKey(brandIgId, change.creatorUsername)))?.value : undefined;
      const known = lookedUp ?? list.find((record) => matches(record, change));
      merged.push({ ...known, ...withoutUndefined(change) } as PartnershipPermission);
    }
    await deps.cache.update<PartnershipPermission[]>(await listKey(brandIgId), (cached) => {
      const added = merged.filter((record) => !cached.some((listed) => matches(listed, record)));
      return [...added, ...cached.map((record) => merged.find((change) => matches(record, change)) ?? record)];
    });
    for (const record of merged) if (record.creatorUsername) await deps.cache.write(await creatorCacheKey(brandIgId, record.creatorUsername), record, CREATOR_TTL_MS);
    deps.onChange(brandIgId);
    return merged;
  }

  async function audit(kind: PartnershipAction['kind'], brandIgId: string, creator: CreatorRef, outcome: 'Sent' | 'Revoked' | 'Failed', reason?: string): Promise<void> {
    await deps.audit?.record([{ at: now(), brandIgId, creator: creatorRefLabel(creator).replace(/^@/, ''), action: kind, outcome, reason, source: 'single' }]);
  }

  async function saveAction(action: PartnershipAction): Promise<void> {
    await (await deps.db).put('actions', action);
  }

  async function deleteAction(id: string): Promise<void> {
    await (await deps.db).delete('actions', id);
  }

  /**
   * Records the action, calls Meta, and either forgets the record (done, or refused for a
   * reason trying again cannot fix) or keeps it with the reason, so nothing is lost. The
   * creator is named by Instagram ID whenever it is known (Meta documents revoke that way).
   */
  async function perform(kind: PartnershipAction['kind'], brandIgId: string, creator: CreatorRef): Promise<PartnershipPermission> {
    const id = actionId(kind, brandIgId, creator);
    const started = now();
    const { username, creatorId } = creator;
    await saveAction({ id, kind, brandIgId, username, creatorId, state: 'in-flight', createdAt: started, updatedAt: started });
    try {
      const form: Record<string, string> = creatorId ? { creator_instagram_account: creatorId } : { creator_instagram_username: username! };
      if (kind === 'revoke') form.revoke = 'true';
      const answer = await deps.graph.post(edge(brandIgId), sentRecord, { form });
      await deleteAction(id);
      const [permission] = await rememberChanges(brandIgId, [
        {
          id: answer.id === undefined ? undefined : String(answer.id),
          creatorUsername: username,
          creatorId,
          brandIgId,
          status: statusAfter(kind),
          requestedAt: kind === 'send' ? new Date(now()).toISOString() : undefined,
        },
      ]);
      await audit(kind, brandIgId, creator, kind === 'send' ? 'Sent' : 'Revoked');
      return permission!;
    } catch (error) {
      if (error instanceof AppError && KEEPABLE_ERRORS.has(error.kind)) {
        await saveAction({ id, kind, brandIgId, username, creatorId, state: 'kept', reason: error.message, retryAt: error.details.retryAt, createdAt: started, updatedAt: now() });
        deps.onChange(brandIgId);
        throw new AppError(error.kind, `${error.message} The ${kind === 'send' ? 'request' : 'revoke'} for ${creatorRefLabel(creator)} is kept; try it again from the list of kept actions.`, error.details);
      }
      await deleteAction(id);
      await audit(kind, brandIgId, creator, 'Failed', error instanceof AppError ? (error.details.metaMessage ?? error.message) : undefined);
      throw error;
    }
  }

  /** The creator's record on Meta's list now: by username (Meta filters the list), else by ID. */
  async function currentRecord(brandIgId: string, creator: CreatorRef): Promise<PartnershipPermission | undefined> {
    if (creator.username) return (await fetchCreator(brandIgId, creator.username)) ?? undefined;
    return (await fetchPermissions(brandIgId)).find((record) => record.creatorId === creator.creatorId);
  }

  return {
    /** Every permission of the brand (all pages of the list), from the cache when there is one. */
    async list(brandIgId: string): Promise<CachedRead<PartnershipPermission[]>> {
      return deps.reader.get(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId));
    },

    async refreshList(brandIgId: string): Promise<CachedRead<PartnershipPermission[]>> {
      return deps.reader.refresh(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId));
    },

    /**
     * One creator's status. Answers from the creator's cached lookup or the brand's cached
     * list without calling Meta while they are fresh; refreshes behind a stale answer.
     */
    async lookup(brandIgId: string, username: string): Promise<CreatorLookup> {
      const key = await creatorCacheKey(brandIgId, username);
      const load = () => fetchCreator(brandIgId, username);
      const creator = await deps.cache.read<PartnershipPermission | null>(key);
      const list = await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId));
      const fromCreator = creator && { entry: creator, value: creator.value ?? undefined };
      const fromList = list && { entry: list, value: list.value.find((record) => record.creatorUsername === username) };
      // The newer of the two copies answers.
      const newest = fromCreator && fromList ? (fromCreator.entry.fetchedAt >= fromList.entry.fetchedAt ? fromCreator : fromList) : (fromCreator ?? fromList);
      if (!newest) {
        const fresh = await deps.reader.refresh(key, CREATOR_TTL_MS, load);
        return { username, permission: fresh.value ?? undefined, fetchedAt: fresh.fetchedAt, refreshing: false };
      }
      const stale = !deps.cache.isFresh(newest.entry);
      if (stale) deps.reader.refreshBehind(key, CREATOR_TTL_MS, load);
      return { username, permission: newest.value, fetchedAt: newest.entry.fetchedAt, refreshing: stale };
    },

    /** Confirmed outcomes of bulk jobs, so every view shows them without asking Meta again. */
    rememberOutcomes: (brandIgId: string, outcomes: ReadonlyArray<CreatorRef & { status: string }>) =>
      rememberChanges(
        brandIgId,
        outcomes.map(({ username, creatorId, status }) => ({ creatorUsername: username, creatorId, status, brandIgId, ...(status === 'PENDING' ? { requestedAt: new Date(now()).toISOString() } : {}) })),
      ),

    send: (brandIgId: string, username: string) => perform('send', brandIgId, { username }),
    revoke: (brandIgId: string, creator: CreatorRef) => perform('revoke', brandIgId, creator),

    async keptActions(): Promise<PartnershipAction[]> {
      const all = await (await deps.db).getAll('actions');
      return all.filter((action) => action.state === 'kept').sort((a, b) => a.createdAt - b.createdAt);
    },

    /** Tries a kept action again; one whose outcome is unknown is first checked against Meta. */
    async retryKept(id: string): Promise<PartnershipPermission> {
      const action = await (await deps.db).get('actions', id);
      if (!action) throw new AppError('invalid-request', 'That action is no longer kept; it may already be done.');
      const creator = { username: action.username, creatorId: action.creatorId };
      if (action.outcomeUnknown) {
        const current = await currentRecord(action.brandIgId, creator);
        if (current && tookEffect(action.kind, current.status)) {
          await deleteAction(id);
          await rememberChanges(action.brandIgId, [{ ...current, creatorUsername: current.creatorUsername ?? action.username }]);
          return current;
        }
      }
      return perform(action.kind, action.brandIgId, creator);
    },

    async discardKept(id: string): Promise<void> {
      const action = await (await deps.db).get('actions', id);
      await deleteAction(id);
      if (action) deps.onChange(action.brandIgId);
    },

    /** After a restart: actions that were on their way when the worker stopped have an unknown outcome. */
    async recoverInterrupted(): Promise<void> {
      const db = await deps.db;
      for (const action of await db.getAll('actions')) {
        if (action.state !== 'in-flight') continue;
        await db.put('actions', {
          ...action,
          state: 'kept',
          outcomeUnknown: true,
          reason: 'Collab Desk was stopped before Facebook answered. Trying again checks first whether it went through.',
          updatedAt: now(),
        });
      }
    },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
