import { AppError } from '../errors';
import { MAX_BATCH_SIZE, type GraphClient } from '../graph/client';
import { said } from '../i18n/said';
import { decidingRecord, listedRecordOf, parsePermissionItems, type PartnershipPermission } from './permission-record';
import * as z from 'zod/mini';

/** One creator looked up with one brand in a batch: their record (null: never asked), Meta's refusal, or null when the batch gave no answer. */
export type CreatorAnswer = { record: PartnershipPermission | null } | { error: Error } | null;

export type MetaPermissions = ReturnType<typeof createMetaPermissions>;

/** The field sets Meta documents, tried in order; the last resort asks for Meta's defaults. */
const FIELD_SETS: Array<string | undefined> = [
  'id,creator_ig_id,creator_username,brand_ig_id,permission_status,permission_created_time,permission_url',
  'id,creator_id,creator_username,brand_ig_user,permission_status',
  undefined,
];

const edge = (brandIgId: string) => `${brandIgId}/branded_content_ad_permissions`;

/**
 * Partnership permissions as Meta gives them now, with no cache: a brand's whole list, one
 * creator by name, or many creators in batches. Remembers which field set Meta accepts.
 */
export function createMetaPermissions(graph: GraphClient) {
  let fieldSet = 0;

  /** Lists with the first documented field set Meta accepts, remembering which one that was. */
  async function fetchPermissions(brandIgId: string, creatorUsername?: string): Promise<PartnershipPermission[]> {
    for (;;) {
      const fields = FIELD_SETS[fieldSet];
      try {
        const items = await graph.getAll(edge(brandIgId), z.unknown(), {
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
        const { answers: batch } = await graph.batch(
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

  return { fetchPermissions, fetchCreator, lookupMany };
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

/** Meta refused a field of the field set (an older or newer API version names them otherwise). */
function isUnknownField(error: unknown): boolean {
  return (
    error instanceof AppError &&
    error.kind === 'invalid-request' &&
    /nonexist|unknown field|tried accessing/i.test(error.details.metaMessage ?? '')
  );
}
