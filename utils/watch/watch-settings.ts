import type { Said } from '../i18n/said';

/**
 * The approvals watch's settings and figures, apart from its service so pages (Settings) and
 * the message schemas read them without the Graph client in their bundles.
 */

/** How often the person may have the watch look, in hours. */
export const WATCH_EVERY_HOURS = [1, 3, 6, 12, 24] as const;
export type WatchEveryHours = (typeof WATCH_EVERY_HOURS)[number];

/** The call budget of one cycle: at most this many batch requests... */
export const WATCH_CALL_BUDGET = 4;
/** ...each asking about up to 50 creators (the Graph batch API's limit). */
export const WATCH_MAX_CREATORS = WATCH_CALL_BUDGET * 50;
/** Brands read for the first time (their list, once) in one cycle; the others wait for the next cycles. */
export const WATCH_NEW_BRANDS_PER_CYCLE = 5;

export interface WatchSettings {
  enabled: boolean;
  everyHours: WatchEveryHours;
}

export interface WatchCycleSummary {
  at: number;
  /** Creators asked about, and those left for the next cycle (over the budget). */
  checked: number;
  leftOver: number;
  found: number;
  /** Set when the cycle could not run (not connected, Meta refused...): why, as words. */
  failed?: Said;
}
