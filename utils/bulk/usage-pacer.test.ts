import { describe, expect, it } from 'vitest';
import { MAX_PACING_MS } from './governor';
import { createUsagePacer, PROBE_STEP_MS, USAGE_CEILING, type PacerAdvice } from './usage-pacer';

/**
 * Meta's usage as the simulator counts it: calls in a rolling window against a budget, in
 * whole percents. A job of `total` creators runs against it with the pacer's advice, one
 * batch at a time, each answered `latencyMs` after it leaves.
 */
function runJob(options: { total: number; budget: number; windowMs: number; latencyMs: number }) {
  const calls: number[] = [];
  const percentAt = (time: number) => Math.round((calls.filter((at) => at > time - options.windowMs).length / options.budget) * 100);
  const pacer = createUsagePacer(50, 3);
  let clock = 0;
  let left = options.total;
  let most = 0;
  const advice: PacerAdvice[] = [];
  while (left > 0 && clock < 3_600_000) {
    const next = pacer.advise(clock, 0);
    advice.push(next);
    if ('waitMs' in next) {
      clock += next.waitMs;
      continue;
    }
    const items = Math.min(next.items, left);
    for (let index = 0; index < items; index++) calls.push(clock);
    most = Math.max(most, percentAt(clock));
    left -= items;
    const sentAt = clock;
    clock += options.latencyMs;
    pacer.answered(sentAt, clock, items, percentAt(clock));
  }
  return { finishedAt: clock, most, advice };
}

describe('usage pacer', () => {
  it('sends full batches side by side while usage is low', () => {
    const pacer = createUsagePacer(50, 3);
    expect(pacer.advise(0, 0)).toEqual({ items: 50, lanes: 1 });
    pacer.answered(0, 50, 50, 5);
    expect(pacer.advise(50, 0)).toEqual({ items: 50, lanes: 3 });
    // What is on its way counts: at 0.1 % a creator, 800 fit under the ceiling, of which 760 are on their way.
    pacer.answered(50, 100, 50, 10);
    expect(pacer.advise(100, 760)).toEqual({ items: 40, lanes: 1 });
  });

  it('fills a binding allowance to its ceiling, never past it, and finishes close to the shortest time the budget allows', () => {
    // 1,000 creators, 300 calls allowed in any 5 s: the least it can take is three full windows (15 s) and a bit.
    const { finishedAt, most } = runJob({ total: 1000, budget: 300, windowMs: 5000, latencyMs: 50 });
    // One creator at a time while looking: a few percent over the ceiling at most, never the limit.
    expect(most).toBeLessThanOrEqual(USAGE_CEILING + 5);
    const shortest = Math.floor((1000 - 1) / 300) * 5000;
    expect(finishedAt).toBeGreaterThanOrEqual(shortest);
    // The ceiling leaves a tenth of each window unused, and the first window is learned by looking: 1.25× at most.
    expect(finishedAt).toBeLessThanOrEqual(shortest * 1.25);
  });

  it('until the window is known, looks again every step with one creator; after, waits for the window', () => {
    const { advice } = runJob({ total: 700, budget: 300, windowMs: 4000, latencyMs: 50 });
    const waits = advice.filter((each): each is { waitMs: number } => 'waitMs' in each).map((each) => each.waitMs);
    expect(waits.slice(0, 3)).toEqual([PROBE_STEP_MS, PROBE_STEP_MS, PROBE_STEP_MS]);
    // Once a fall in usage has shown the window, one long wait instead of many short ones.
    expect(waits.some((wait) => wait > 2 * PROBE_STEP_MS)).toBe(true);
  });

  it('with no room and no way to look without meeting the limit, waits the longest, then looks with one creator', () => {
    const pacer = createUsagePacer(50, 3);
    pacer.answered(0, 50, 50, 50);
    pacer.answered(50, 100, 50, 100);
    expect(pacer.advise(100, 0)).toEqual({ waitMs: PROBE_STEP_MS });
    expect(pacer.advise(100 + PROBE_STEP_MS, 0)).toEqual({ waitMs: MAX_PACING_MS - PROBE_STEP_MS });
    expect(pacer.advise(100 + MAX_PACING_MS, 0)).toEqual({ items: 1, lanes: 1 });
  });

  it("a job long after the last one learns the window from its own sends, not the last job's", () => {
    const pacer = createUsagePacer(50, 3);
    // An earlier job, under an allowance it never came near (Meta said 0 %).
    for (let batch = 0; batch < 20; batch++) pacer.answered(batch * 60, batch * 60 + 50, 50, 0);
    // A minute later, a binding one: 300 calls in any 5 s.
    const start = 60_000;
    const calls: number[] = [];
    const percentAt = (time: number) => Math.round((calls.filter((at) => at > time - 5000).length / 300) * 100);
    let clock = start;
    let waits = 0;
    for (let sent = 0; sent < 700 && clock < start + 60_000;) {
      const next = pacer.advise(clock, 0);
      if ('waitMs' in next) {
        clock += next.waitMs;
        waits += next.waitMs;
        continue;
      }
      for (let index = 0; index < next.items; index++) calls.push(clock);
      sent += next.items;
      pacer.answered(clock, clock + 50, next.items, percentAt(clock + 50));
      clock += 50;
    }
    // Three windows' worth of creators: about two windows of waiting, not a minute.
    expect(clock - start).toBeLessThan(2 * 5000 * 1.3);
    expect(waits).toBeGreaterThan(5000);
  });

  it('a lower reading from a batch sent before the last answer is not taken for the window turning over', () => {
    const pacer = createUsagePacer(50, 3);
    pacer.answered(0, 100, 50, 80);
    pacer.answered(10, 120, 50, 90);
    // Sent at 5 (before the answer at 120), answered later with a lower figure: out of order, not a fall.
    pacer.answered(5, 130, 50, 70);
    expect(pacer.advise(130, 0)).toEqual({ waitMs: PROBE_STEP_MS });
  });
});
