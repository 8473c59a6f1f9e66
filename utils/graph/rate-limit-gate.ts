import type { GraphUsage } from './usage';

/**
 * Meta meters codes 4, 17, 32 and 613 over a rolling window of up to an hour and often says
 * nothing about when access returns; every call made while blocked extends the block. So a
 * throttle closes this gate for Meta's estimate when it gives one, else for a step that grows
 * with each throttle in a row (1, 2, 4, 8... minutes, at most an hour). No call goes out while
 * the gate is closed. A call that succeeds starts the steps over.
 */
export interface RateLimitBlock {
  /** Epoch ms until which no call is made. */
  until: number;
  /** Throttles in a row, for the growing step. */
  strikes: number;
}

export interface RateLimitGateOptions {
  now?: () => number;
  /** The first step when Meta gives no estimate (a minute; test builds may shorten it). */
  firstStepMs?: number;
  /** Keeps the block across service-worker restarts. */
  persist?: { load(): Promise<RateLimitBlock | null>; save(block: RateLimitBlock | null): Promise<void> };
}

export const FIRST_BACKOFF_STEP_MS = 60_000;
export const LONGEST_BACKOFF_MS = 60 * 60_000;

export type RateLimitGate = ReturnType<typeof createRateLimitGate>;

export function createRateLimitGate(options: RateLimitGateOptions = {}) {
  const now = options.now ?? Date.now;
  const firstStep = options.firstStepMs ?? FIRST_BACKOFF_STEP_MS;
  let block: RateLimitBlock | null = null;
  let loaded: Promise<void> | undefined;

  function load(): Promise<void> {
    loaded ??= (async () => {
      const saved = await options.persist?.load().catch(() => null);
      // A throttle seen meanwhile (in memory) is newer than the saved one.
      if (saved && !block) block = saved;
    })();
    return loaded;
  }

  function save(): void {
    void options.persist?.save(block).catch(() => undefined);
  }

  return {
    /** Epoch ms until which calls must wait, or undefined when calls may go out. */
    async blockedUntil(): Promise<number | undefined> {
      await load();
      return block && block.until > now() ? block.until : undefined;
    },

    /** Records a throttle; returns when calls may go out again. */
    throttled(usage: GraphUsage): number {
      const estimate = (usage.regainAccessMinutes ?? 0) * 60_000;
      if (block && block.until > now()) {
        // The answer to a call that left before the gate closed (requests side by side): the same throttle, not a new strike.
        block = { ...block, until: Math.max(block.until, now() + estimate) };
        save();
        return block.until;
      }
      const strikes = (block?.strikes ?? 0) + 1;
      const step = Math.min(firstStep * 2 ** (strikes - 1), LONGEST_BACKOFF_MS);
      const until = Math.max(now() + Math.max(step, estimate), block?.until ?? 0);
      block = { until, strikes };
      save();
      return until;
    },

    /** A call went through: the next throttle starts with the first step again. */
    succeeded(): void {
      if (!block || block.until > now()) return;
      block = null;
      save();
    },
  };
}
