import { creatorIndex, type PartnershipPermission } from './permission-record';
import type { CreatorRef } from './permission-request';
import { CREATOR_TTL_MS, creatorKeyText, type PartnershipsContext } from './service-context';

/** How long the person's own sends and revokes win over answers Meta gave before them (the watch's). */
const PERSON_CHANGE_KEPT_MS = 10 * 60_000;

/**
 * Changes known for sure (a job's confirmed outcomes, the watch's fresh answers) written into
 * every cached copy that mentions the creators, so every view shows them without asking Meta.
 */
export function createRememberedChanges({ deps, now, listKey }: PartnershipsContext) {
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

  return {
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
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
