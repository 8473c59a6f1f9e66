import type { Words } from '../i18n/said';
import type { StandingsAcrossBrands } from '../messaging/protocol';
import { statusGroup, statusWord, type StatusGroup } from './status';

/** How many creators the popup offers again when it opens away from a profile. */
export const RECENT_CREATORS_MAX = 10;

/** A brand's status for a creator as the background last answered it (null: no request on record), with its word and colour. */
export interface RecentStanding {
  brandIgId: string;
  brandUsername: string;
  status: string | null;
  /** Said here so the popup's first script needs none of status.ts. */
  word: Words;
  group: StatusGroup;
  /** When Meta's answer was read. */
  fetchedAt: number;
}

/** A creator looked up lately, with the statuses the background last answered. */
export interface RecentCreator {
  username: string;
  /** The brand chosen when the background answered (the first of its answer): the popup's brand while none was picked. */
  chosenBrandIgId?: string;
  standings: RecentStanding[];
}

/**
 * The recent list with this answer first: a creator named once (usernames are case-insensitive),
 * at most RECENT_CREATORS_MAX. Only statuses read without error are kept: they are what the
 * popup may paint before its app has loaded.
 */
export function withRecentLookup(recent: readonly RecentCreator[], answer: StandingsAcrossBrands): RecentCreator[] {
  const username = answer.username.toLowerCase();
  // A creator a job holds for a brand is changing there: no status to paint first.
  const standings = answer.brands.flatMap(({ brandIgId, brandUsername, standing, heldBy }) =>
    standing && !standing.error && !heldBy
      ? [recentStanding(brandIgId, brandUsername, standing.permission?.status, standing.fetchedAt)]
      : [],
  );
  return [
    { username, chosenBrandIgId: answer.brands[0]?.brandIgId, standings },
    ...recent.filter((other) => other.username !== username),
  ].slice(0, RECENT_CREATORS_MAX);
}

function recentStanding(brandIgId: string, brandUsername: string, status: string | undefined, fetchedAt: number): RecentStanding {
  return { brandIgId, brandUsername, status: status ?? null, word: statusWord(status), group: statusGroup(status), fetchedAt };
}

/** The list without any status of this brand: its creators' records changed, and what the list says may be old. */
export function withoutBrandStatuses(recent: readonly RecentCreator[], brandIgId: string): RecentCreator[] {
  return recent.map((entry) => ({ ...entry, standings: entry.standings.filter((standing) => standing.brandIgId !== brandIgId) }));
}

/** The recent list as stored, or none: pages read it without a schema, so anything odd is dropped. */
export function recentCreatorsFrom(stored: unknown): RecentCreator[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (entry): entry is RecentCreator => typeof entry?.username === 'string' && entry.username.length > 0 && Array.isArray(entry.standings),
    )
    .slice(0, RECENT_CREATORS_MAX);
}

/**
 * The status the list holds for a creator and the chosen brand (the brand picked, or while none
 * was, the one chosen when the background answered): undefined when it holds none, and the
 * popup waits for its app.
 */
export function recentStatus(
  recent: readonly RecentCreator[],
  username: string,
  selectedBrandIgId: string | undefined,
): RecentStanding | undefined {
  const entry = recent.find((candidate) => candidate.username === username.toLowerCase());
  const brandIgId = selectedBrandIgId || entry?.chosenBrandIgId;
  const standing = entry?.standings.find((candidate) => candidate.brandIgId === brandIgId);
  return standing && (typeof standing.word === 'string' || typeof standing.word?.key === 'string') ? standing : undefined;
}
