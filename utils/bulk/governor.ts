/** The longest a bulk job waits for Meta's usage to fall before looking again (utils/bulk/usage-pacer.ts). */
export const MAX_PACING_MS = 20_000;

/**
 * Batch requests a bulk job keeps on their way at once while Meta's usage leaves room for them:
 * one lane's bookkeeping (items written before and after each batch) runs while the others wait on Meta.
 */
export const BULK_LANES = 3;

/** Back-off before retrying items that failed for a passing reason: 1 s, 2 s, 4 s… up to 30 s. */
export function transientBackoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** How many times an item is tried when Meta keeps failing for a passing reason. */
export const MAX_ATTEMPTS = 4;
