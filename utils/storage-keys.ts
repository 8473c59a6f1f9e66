/**
 * The names under which values sit in extension storage. utils/storage.ts defines the items
 * the background reads and writes; the popup's first paint reads three of them directly by
 * these names (utils/cache/glance.ts), without the storage library in its bundle.
 */
export const STORAGE_KEYS = {
  /** storage.local: the brand account last chosen. */
  selectedBrand: 'selectedBrandIgId',
  /** storage.session: the connection as the UI may know it (never the token). */
  authGlance: 'authGlance',
  /** storage.local: the last creators the popup looked up, newest first (utils/partnerships/recent-creators.ts). */
  recentCreators: 'recentCreators',
} as const;
