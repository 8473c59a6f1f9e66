import type { CachedRead } from '../cache/cached-reader';
import { AppError } from '../errors';
import { said } from '../i18n/said';
import { creatorIndex, decidingRecord, type PartnershipPermission } from './permission-record';
import type { CreatorRef } from './permission-request';
import { LIST_TTL_MS, type PartnershipsContext } from './service-context';

/** A brand's whole list of permissions: read through the cache, or fresh from Meta before anything is written to its creators. */
export function createBrandLists({ deps, meta, listKey }: PartnershipsContext) {
  const { fetchPermissions, lookupMany } = meta;

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
        // No answer for this creator (the batch timed out on Meta's side, or a passing failure of this one lookup):
        // they are asked about again, while the others' answers stand.
        if (!answer || ('error' in answer && answer.error instanceof AppError && answer.error.kind === 'temporary')) records.push(null);
        else if ('record' in answer) records.push(answer.record ?? undefined);
        else if (answer.error instanceof AppError && answer.error.kind === 'invalid-request') records.push(undefined);
        else if (answer.error instanceof AppError && answer.error.kind === 'unexpected-response') return fromList();
        else throw answer.error;
      }
      return records;
    },
  };
}
