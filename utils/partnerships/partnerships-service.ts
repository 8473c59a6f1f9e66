import type { CachedRead, CachedReader } from '../cache/cached-reader';
import type { GraphCache } from '../cache/graph-cache';
import { cacheKeyText } from '../cache/cache-keys';
import { AppError } from '../errors';
import { MAX_BATCH_SIZE, type GraphClient } from '../graph/client';
import { describeError, type DescribedError } from '../errors';
import {
  creatorIndex,
  decidingRecord,
  isSameCreator,
  listedRecordOf,
  parsePermissionItems,
  type PartnershipPermission,
} from './permission-record';
import type { CreatorRef } from './permission-request';
import * as z from 'zod/mini';
import { newestCachedAnswer, type CachedAnswer } from './cached-answer';
import type { CacheEntry } from '../cache/cache-entry';
import { said } from '../i18n/said';

export interface PartnershipsServiceDeps {
  graph: GraphClient;
  cache: GraphCache;
  reader: CachedReader;
  currentUserId(): Promise<string>;
  /** Told when a brand's permissions changed. */
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

/** One creator looked up with one brand in a batch: their record (null: never asked), Meta's refusal, or null when the batch gave no answer. */
export type CreatorAnswer = { record: PartnershipPermission | null } | { error: Error } | null;

/** One brand's row of a creator's standing across brands. */
export interface BrandStanding {
  brandIgId: string;
  /** Absent when the creator has never been asked by this brand (or when `error` is set). */
  permission?: PartnershipPermission;
  fetchedAt: number;
  refreshing: boolean;
  /** Why this brand's answer could not be had. */
  error?: DescribedError;
}

const LIST_TTL_MS = 5 * 60_000;
const CREATOR_TTL_MS = 2 * 60_000;
/** How long the person's own sends and revokes win over answers Meta gave before them (the watch's). */
const PERSON_CHANGE_KEPT_MS = 10 * 60_000;

/** The key of a creator's cached lookup for one brand, by the signed-in person (batches ask for the person once). */
function creatorKeyText(userId: string, brandIgId: string, username: string): string {
  return cacheKeyText({ area: 'creator', userId, brandIgId, username });
}

/** The field sets Meta documents, tried in order; the last resort asks for Meta's defaults. */
const FIELD_SETS: Array<string | undefined> = [
  'id,creator_ig_id,creator_username,brand_ig_id,permission_status,permission_created_time,permission_url',
  'id,creator_id,creator_username,brand_ig_user,permission_status',
  undefined,
];

const edge = (brandIgId: string) => `${brandIgId}/branded_content_ad_permissions`;

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;

/** Creator partnership-ad permissions of a brand: list and look up through the cache, and remember confirmed changes. */
export function createPartnershipsService(deps: PartnershipsServiceDeps) {
  const now = deps.now ?? Date.now;
  let fieldSet = 0;
  const listKey = async (brandIgId: string) => cacheKeyText({ area: 'partnerships', userId: await deps.currentUserId(), brandIgId });
  const creatorCacheKey = async (brandIgId: string, username: string) => creatorKeyText(await deps.currentUserId(), brandIgId, username);

  /** Lists with the first documented field set Meta accepts, remembering which one that was. */
  async function fetchPermissions(brandIgId: string, creatorUsername?: string): Promise<PartnershipPermission[]> {
    for (;;) {
      const fields = FIELD_SETS[fieldSet];
      try {
        const items = await deps.graph.getAll(edge(brandIgId), z.unknown(), {
          searchParams: { limit: 100, ...(fields ? { fields } : {}), ...(creatorUsername ? { creator_username: creatorUsername } : {}) },
        });
        return ofBrand(brandIgId, parsePermissionItems(items));
      } catch (error) {
        if (!isUnknownField(error) || fieldSet >= FIELD_SETS.length - 1) throw error;
        fieldSet += 1;
      }
    }
  }

  async function fetchCreator(brandIgId: string, username: string): Promise<PartnershipPermission | null> {
    return recordOf(await fetchPermissions(brandIgId, username), username);
  }

  /** One creator's record, asked of Meta by name now and kept as their lookup. */
  async function lookupFresh(brandIgId: string, username: string): Promise<PartnershipPermission | undefined> {
    const key = await creatorCacheKey(brandIgId, username);
    return (await deps.reader.refresh(key, CREATOR_TTL_MS, () => fetchCreator(brandIgId, username))).value ?? undefined;
  }

  /**
   * Many creator-and-brand lookups, 50 to a Graph batch request (one HTTP request for up to
   * 50 brands), each answered on its own. A field set Meta refuses is replaced as for lists.
   */
  async function lookupMany(requests: ReadonlyArray<{ brandIgId: string; username: string }>): Promise<CreatorAnswer[]> {
    const answers: CreatorAnswer[] = [];
    for (let start = 0; start < requests.length; start += MAX_BATCH_SIZE) {
      const chunk = requests.slice(start, start + MAX_BATCH_SIZE);
      for (;;) {
        const fields = FIELD_SETS[fieldSet];
        const { answers: batch } = await deps.graph.batch(
          chunk.map(({ brandIgId, username }) => ({
            method: 'GET' as const,
            relativeUrl: `${edge(brandIgId)}?${new URLSearchParams({ creator_username: username, limit: '100', ...(fields ? { fields } : {}) })}`,
          })),
        );
        if (batch.some((answer) => isUnknownField(answer?.error)) && fieldSet < FIELD_SETS.length - 1) {
          fieldSet += 1;
          continue;
        }
        const unread: number[] = [];
        batch.forEach((answer, index) => {
          if (!answer) answers.push(null);
          else if (answer.error) answers.push({ error: answer.error });
          else {
            // An answer without a list (no body, or one that is not JSON) says nothing: never "not asked".
            const { data, paging } = (answer.body ?? {}) as { data?: unknown; paging?: { next?: unknown } };
            if (!Array.isArray(data)) answers.push({ error: new AppError('unexpected-response', said('errorUnexpectedBatch')) });
            else {
              const records = ofBrand(chunk[index]!.brandIgId, parsePermissionItems(data));
              const record = recordOf(records, chunk[index]!.username);
              // Meta ignored the filter and the creator is not on this first page: the rest of the list is read below.
              if (!record && paging?.next !== undefined && records.some((other) => other.creatorUsername !== undefined)) {
                unread.push(answers.length);
              }
              answers.push({ record });
            }
          }
        });
        await answerFromWholeLists(answers, unread, requests);
        break;
      }
    }
    return answers;
  }

  /**
   * Creators whose lookup Meta answered with the first page of the whole list (the filter
   * ignored) are found in the brand's whole list, read once per brand: "not asked" only when
   * the whole list says so.
   */
  async function answerFromWholeLists(
    answers: CreatorAnswer[],
    unread: readonly number[],
    requests: ReadonlyArray<{ brandIgId: string; username: string }>,
  ): Promise<void> {
    const lists = new Map<string, Promise<PartnershipPermission[]>>();
    for (const index of unread) {
      const { brandIgId, username } = requests[index]!;
      if (!lists.has(brandIgId)) lists.set(brandIgId, fetchPermissions(brandIgId));
      try {
        answers[index] = { record: recordOf(await lists.get(brandIgId)!, username) };
      } catch (error) {
        answers[index] = { error: error instanceof Error ? error : new AppError('unexpected-response', said('errorUnexpectedBatch')) };
      }
    }
  }

  /** Looks creators up in batches and keeps each answer in the cache as that brand's lookup. */
  async function fetchStandings(brandIgIds: readonly string[], username: string): Promise<Map<string, BrandStanding>> {
    const userId = await deps.currentUserId();
    const answers = await lookupMany(brandIgIds.map((brandIgId) => ({ brandIgId, username })));
    const found = new Map<string, BrandStanding>();
    const toKeep: Array<{ key: string; value: PartnershipPermission | null }> = [];
    answers.forEach((answer, index) => {
      const brandIgId = brandIgIds[index]!;
      if (answer && 'record' in answer) {
        toKeep.push({ key: cacheKeyText({ area: 'creator', userId, brandIgId, username }), value: answer.record });
        found.set(brandIgId, { brandIgId, permission: answer.record ?? undefined, fetchedAt: now(), refreshing: false });
      } else {
        const error = answer ? answer.error : new AppError('temporary', said('errorBatchNoAnswer'));
        found.set(brandIgId, { brandIgId, fetchedAt: now(), refreshing: false, error: describeError(error) });
      }
    });
    await deps.cache.writeMany(toKeep, CREATOR_TTL_MS);
    return found;
  }

  /**
   * When the person's own sends and revokes were last put in, by brand and username, for the
   * last few minutes: an answer Meta gave before one of them must not be written over it
   * (rememberFetched), also for creators without a cached lookup of their own to compare.
   */
  const changedByPerson = new Map<string, number>();
  async function noteChangedByPerson(brandIgId: string, usernames: ReadonlyArray<string | undefined>): Promise<void> {
    const userId = await deps.currentUserId();
    const at = now();
    for (const [key, when] of changedByPerson) if (when < at - PERSON_CHANGE_KEPT_MS) changedByPerson.delete(key);
    for (const username of usernames) if (username) changedByPerson.set(creatorKeyText(userId, brandIgId, username), at);
  }

  /**
   * Writes confirmed changes into every cached copy that mentions the creators, each merged
   * over what was known (a revoke keeps the request's date and ID); returns the merged records.
   * Creators are matched by username, or by Instagram ID when Meta gave no username.
   */
  async function rememberChanges(brandIgId: string, changes: readonly PartnershipPermission[]): Promise<PartnershipPermission[]> {
    const list = (await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId)))?.value ?? [];
    // A batch of changes reads and writes the creators' cached lookups in one transaction each.
    const userId = await deps.currentUserId();
    const creatorKey = (username: string) => creatorKeyText(userId, brandIgId, username);
    const lookups = await deps.cache.readMany<PartnershipPermission | null>(
      changes.flatMap((change) => (change.creatorUsername ? [creatorKey(change.creatorUsername)] : [])),
    );
    const listed = creatorIndex(list);
    const merged = changes.map((change) => {
      const lookedUp = change.creatorUsername ? lookups.get(creatorKey(change.creatorUsername))?.value : undefined;
      const known = lookedUp ?? listed.find(change);
      return { ...known, ...withoutUndefined(change) } as PartnershipPermission;
    });
    await deps.cache.update<PartnershipPermission[]>(await listKey(brandIgId), (cached) => {
      const changed = creatorIndex(merged);
      const replaced = new Set<PartnershipPermission>();
      const kept = cached.map((record) => {
        const change = changed.find(record);
        if (!change) return record;
        replaced.add(change);
        return change;
      });
      // New creators go first, each once (the first change of a creator stands, as in the list).
      return [...merged.filter((record) => changed.find(record) === record && !replaced.has(record)), ...kept];
    });
    // Lookups the cache holds are brought up to date; none is made for the rest (a job of thousands would write
    // thousands): their answer is the brand's list, which the lookup and the popup read when a creator has none.
    const named = merged.filter((record) => record.creatorUsername && lookups.has(creatorKey(record.creatorUsername)));
    await deps.cache.writeMany(
      named.map((record) => ({ key: creatorKey(record.creatorUsername!), value: record })),
      CREATOR_TTL_MS,
    );
    deps.onChange(brandIgId);
    return merged;
  }

  /**
   * The brand's list fresh from Meta, made to answer for these creators before anything is
   * written to them. Records Meta gave without a username may be anyone's: when the list has
   * some, each creator it does not name is looked up by name (50 to a batch request), and the
   * record Meta gives is added under that name. A lookup Meta refuses as invalid counts as no
   * record (a creator Meta does not know was never asked); any other failure fails the read,
   * to be tried again: no one is asked twice on a guess.
   */
  async function freshListFor(brandIgId: string, usernames: readonly string[]): Promise<PartnershipPermission[]> {
    const list = (await deps.reader.refresh(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId))).value;
    if (list.every((record) => record.creatorUsername)) return list;
    const named = new Set(list.map((record) => record.creatorUsername));
    const unvouched = [...new Set(usernames)].filter((username) => !named.has(username));
    const answers = await lookupMany(unvouched.map((username) => ({ brandIgId, username })));
    const found = answers.flatMap((answer, index): PartnershipPermission[] => {
      if (!answer) throw new AppError('temporary', said('errorBatchNoAnswer'));
      if ('error' in answer) {
        if (answer.error instanceof AppError && answer.error.kind === 'invalid-request') return [];
        throw answer.error;
      }
      return answer.record ? [{ ...answer.record, creatorUsername: unvouched[index] }] : [];
    });
    return [...found, ...list];
  }

  return {
    /** Every permission of the brand (all pages of the list), from the cache when there is one. */
    async list(brandIgId: string): Promise<CachedRead<PartnershipPermission[]>> {
      return deps.reader.get(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId));
    },

    async refreshList(brandIgId: string): Promise<CachedRead<PartnershipPermission[]>> {
      return deps.reader.refresh(await listKey(brandIgId), LIST_TTL_MS, () => fetchPermissions(brandIgId));
    },

    freshListFor,

    lookupFresh,

    /**
     * Creators' records read from Meta now, before anything is sent to them again: by name, 50
     * to a batch request (ceil(n/50) calls for n creators). Where that cannot answer for every
     * creator (one known by Instagram ID only, or an answer that does not vouch for its creator)
     * the brand's whole list is read instead. A creator Meta refuses to look up as invalid was
     * never asked; any other failure fails the read, to be tried again.
     */
    async readRecords(brandIgId: string, creators: readonly CreatorRef[]): Promise<Array<PartnershipPermission | undefined | null>> {
      if (creators.length === 0) return [];
      const fromList = async () => {
        const list = await freshListFor(
          brandIgId,
          creators.flatMap((creator) => (creator.username ? [creator.username] : [])),
        );
        const standing = creatorIndex(list, decidingRecord);
        // By Instagram ID first: a username may have changed hands, an ID never does.
        return creators.map(
          (creator) => standing.find({ creatorId: creator.creatorId }) ?? standing.find({ creatorUsername: creator.username }),
        );
      };
      if (creators.some((creator) => !creator.username)) return fromList();
      const answers = await lookupMany(creators.map((creator) => ({ brandIgId, username: creator.username! })));
      const records: Array<PartnershipPermission | undefined | null> = [];
      for (const answer of answers) {
        // No answer for this creator (the batch timed out on Meta's side): they are asked about again.
        if (!answer) records.push(null);
        else if ('record' in answer) records.push(answer.record ?? undefined);
        else if (answer.error instanceof AppError && answer.error.kind === 'invalid-request') records.push(undefined);
        else if (answer.error instanceof AppError && answer.error.kind === 'unexpected-response') return fromList();
        else throw answer.error;
      }
      return records;
    },

    /**
     * What is known of one creator before writing to them: the newer cached copy (fresh or
     * not, with no refresh behind it to race the write), else Meta asked by name now.
     */
    async knownStanding(brandIgId: string, username: string): Promise<PartnershipPermission | undefined> {
      const creator = await deps.cache.read<PartnershipPermission | null>(await creatorCacheKey(brandIgId, username));
      const list = await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId));
      const newest = newestCachedAnswer(username, creator, list);
      return newest ? newest.value : lookupFresh(brandIgId, username);
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
      // The newer of the two copies answers (the popup's glance decides the same way).
      const newest = newestCachedAnswer(username, creator, list);
      if (!newest) {
        const fresh = await deps.reader.refresh(key, CREATOR_TTL_MS, load);
        return { username, permission: fresh.value ?? undefined, fetchedAt: fresh.fetchedAt, refreshing: false };
      }
      const stale = !deps.cache.isFresh(newest.entry);
      if (stale) deps.reader.refreshBehind(key, CREATOR_TTL_MS, load);
      return { username, permission: newest.value, fetchedAt: newest.entry.fetchedAt, refreshing: stale };
    },

    /**
     * One creator's standing with many brands (the first is the chosen one). Cached answers
     * come back at once; brands with none are looked up together in one batch request before
     * answering, and stale ones are refreshed behind, also together.
     */
    async standings(brandIgIds: readonly string[], username: string): Promise<BrandStanding[]> {
      const userId = await deps.currentUserId();
      const keys = brandIgIds.map((brandIgId) => cacheKeyText({ area: 'creator', userId, brandIgId, username }));
      const lookups = await deps.cache.readMany<PartnershipPermission | null>(keys);
      // The chosen brand's list may be newer than its lookup (the dashboard read it): it answers as the single lookup does.
      const chosenList = brandIgIds[0] ? await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgIds[0])) : undefined;
      const cached = brandIgIds.map((brandIgId, index) =>
        index === 0 ? newestCachedAnswer(username, lookups.get(keys[0]!), chosenList) : cachedLookup(lookups.get(keys[index]!)),
      );
      const missing = brandIgIds.filter((_, index) => !cached[index]);
      const stale = brandIgIds.filter((_, index) => cached[index] && !deps.cache.isFresh(cached[index]!.entry));
      let fetched = new Map<string, BrandStanding>();
      if (missing.length > 0) {
        // A batch that fails as a whole costs only the brands it was for: cached brands still answer.
        fetched = await fetchStandings([...missing, ...stale], username).catch(
          (error: unknown) =>
            new Map(
              missing.map((brandIgId) => [brandIgId, { brandIgId, fetchedAt: now(), refreshing: false, error: describeError(error) }]),
            ),
        );
      } else if (stale.length > 0) {
        // Only brands whose answer was kept are announced: a refused one stays stale and would be asked again on each announcement.
        void fetchStandings(stale, username)
          .then((found) => found.forEach((standing) => !standing.error && deps.onChange(standing.brandIgId)))
          .catch(() => undefined);
      }
      return brandIgIds.map((brandIgId, index) => {
        const answer = cached[index];
        const fresh = fetched.get(brandIgId);
        if (fresh && !(answer && fresh.error)) return fresh;
        return {
          brandIgId,
          permission: answer!.value,
          fetchedAt: answer!.entry.fetchedAt,
          refreshing: stale.includes(brandIgId) && missing.length === 0,
        };
      });
    },

    /** Asks Meta about many creators at once (the watch); answers are not cached here. */
    lookupMany,

    /** Records Meta just gave (the watch's lookups): every cached copy that mentions the creators shows them. */
    async rememberFetched(brandIgId: string, records: readonly PartnershipPermission[], askedAt: number): Promise<string[]> {
      // A creator whose cached lookup is newer than the question (a send or revoke meanwhile) keeps it: Meta's older answer is not written over it.
      const userId = await deps.currentUserId();
      const keyOf = (username: string) => creatorKeyText(userId, brandIgId, username);
      const cached = await deps.cache.readMany<PartnershipPermission | null>(
        records.flatMap((record) => (record.creatorUsername ? [keyOf(record.creatorUsername)] : [])),
      );
      const newer = records.filter(
        (record) =>
          record.creatorUsername &&
          Math.max(cached.get(keyOf(record.creatorUsername))?.fetchedAt ?? 0, changedByPerson.get(keyOf(record.creatorUsername)) ?? 0) >
            askedAt,
      );
      await rememberChanges(
        brandIgId,
        records.filter((record) => !newer.includes(record)).map((record) => ({ ...record, brandIgId })),
      );
      return newer.map((record) => record.creatorUsername!);
    },

    /** Confirmed outcomes of jobs, so every view shows them without asking Meta again. */
    async rememberOutcomes(
      brandIgId: string,
      outcomes: ReadonlyArray<CreatorRef & { status: string; permissionId?: string }>,
    ): Promise<void> {
      await noteChangedByPerson(
        brandIgId,
        outcomes.map((outcome) => outcome.username),
      );
      await rememberChanges(
        brandIgId,
        outcomes.map(({ username, creatorId, status, permissionId }) => ({
          id: permissionId,
          creatorUsername: username,
          creatorId,
          status,
          brandIgId,
          ...(status === 'PENDING' ? { requestedAt: new Date(now()).toISOString() } : {}),
        })),
      );
    },

    /** What the cache knows of one creator: the creator's lookup, else the brand's list (by username or ID). */
    async knownRecord(brandIgId: string, creator: CreatorRef): Promise<PartnershipPermission | undefined> {
      if (creator.username) {
        const lookedUp = (await deps.cache.read<PartnershipPermission | null>(await creatorCacheKey(brandIgId, creator.username)))?.value;
        if (lookedUp) return lookedUp;
      }
      const list = (await deps.cache.read<PartnershipPermission[]>(await listKey(brandIgId)))?.value ?? [];
      return list.find((record) => isSameCreator(record, { creatorUsername: creator.username, creatorId: creator.creatorId }));
    },
  };
}

/** Records carry the brand they belong to, whether or not Meta named it (it was asked for this brand's edge). */
function ofBrand(brandIgId: string, records: PartnershipPermission[]): PartnershipPermission[] {
  return records.map((record) => (record.brandIgId ? record : { ...record, brandIgId }));
}

/**
 * The creator's record among a list Meta filtered by their username: the deciding one of those
 * that name them, else of those that name no one (SDK field set), which can only be theirs. A
 * record naming someone else shows the filter was not applied: then a nameless one may be
 * anyone's, and the creator has none.
 */
function recordOf(records: readonly PartnershipPermission[], username: string): PartnershipPermission | null {
  const listed = listedRecordOf(records, username);
  if (listed.record) return listed.record;
  if (records.some((record) => record.creatorUsername !== undefined)) return null;
  return records.reduce<PartnershipPermission | null>((deciding, record) => (deciding ? decidingRecord(deciding, record) : record), null);
}

function cachedLookup(entry: CacheEntry<PartnershipPermission | null> | undefined): CachedAnswer | undefined {
  return entry && { entry, value: entry.value ?? undefined };
}

/** Meta refused a field of the field set (an older or newer API version names them otherwise). */
function isUnknownField(error: unknown): boolean {
  return (
    error instanceof AppError &&
    error.kind === 'invalid-request' &&
    /nonexist|unknown field|tried accessing/i.test(error.details.metaMessage ?? '')
  );
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
