/**
 * Pacing for bulk jobs, from the usage Meta reports (percent of the allowance used).
 * Below half, batches go back to back; above, the pause grows until 95 %, where it is long
 * enough for the usage window to drain.
 */
export const MAX_PACING_MS = 20_000;

export function pauseBeforeNextBatch(usagePercent: number): number {
  if (usagePercent < 50) return 0;
  if (usagePercent >= 95) return MAX_PACING_MS;
  return Math.round(((usagePercent - 50) / 45) ** 2 * MAX_PACING_MS);
}

/** Back-off before retrying items that failed for a passing reason: 1 s, 2 s, 4 s… up to 30 s. */
export function transientBackoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
}

/** How many times an item is tried when Meta keeps failing for a passing reason. */
export const MAX_ATTEMPTS = 4;
