/** How many creators the popup offers again when it opens away from a profile. */
export const RECENT_CREATORS_MAX = 10;

/** The recent list with this creator first: named once (usernames are case-insensitive), at most RECENT_CREATORS_MAX long. */
export function withRecentCreator(recent: readonly string[], username: string): string[] {
  const name = username.toLowerCase();
  return [name, ...recent.filter((other) => other !== name)].slice(0, RECENT_CREATORS_MAX);
}

/** The recent list as stored, or none: storage is read by the popup without a schema, so anything odd is dropped. */
export function recentCreatorsFrom(stored: unknown): string[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((name): name is string => typeof name === 'string' && name.length > 0).slice(0, RECENT_CREATORS_MAX);
}
