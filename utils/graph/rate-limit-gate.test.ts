import { describe, expect, it } from 'vitest';
import { createRateLimitGate, type RateLimitBlock } from './rate-limit-gate';

describe('rate-limit gate', () => {
  it('closes for growing steps when Meta gives no time: 1, 2, 4 minutes... at most an hour', async () => {
    let now = 0;
    const gate = createRateLimitGate({ now: () => now });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const until = gate.throttled({ percent: 100 });
      waits.push((until - now) / 60_000);
      expect(await gate.blockedUntil()).toBe(until);
      now = until;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('counts answers of requests that were on their way together as one throttle, not a strike each', async () => {
    let now = 0;
    const gate = createRateLimitGate({ now: () => now });
    const first = gate.throttled({ percent: 100 });
    now = 200;
    expect(gate.throttled({ percent: 100 })).toBe(first);
    // After that block, the next throttle takes the second step, not the third.
    now = first;
    expect(gate.throttled({ percent: 100 }) - now).toBe(2 * 60_000);
    // Meta's own estimate still counts when it is longer.
    expect(gate.throttled({ percent: 100, regainAccessMinutes: 10 })).toBe(now + 10 * 60_000);
  });

  it("waits at least Meta's estimate", () => {
    const gate = createRateLimitGate({ now: () => 0 });
    expect(gate.throttled({ percent: 100, regainAccessMinutes: 12 })).toBe(12 * 60_000);
  });

  it('starts the steps over once a call goes through after the block', async () => {
    let now = 0;
    const gate = createRateLimitGate({ now: () => now });
    now = gate.throttled({ percent: 100 });
    now = gate.throttled({ percent: 100 });
    gate.succeeded();
    expect(await gate.blockedUntil()).toBeUndefined();
    expect(gate.throttled({ percent: 100 }) - now).toBe(60_000);
  });

  it('a success during the block does not open it', async () => {
    const gate = createRateLimitGate({ now: () => 0 });
    const until = gate.throttled({ percent: 100 });
    gate.succeeded();
    expect(await gate.blockedUntil()).toBe(until);
  });

  it('keeps the block across restarts through its store', async () => {
    let saved: RateLimitBlock | null = null;
    const persist = {
      load: async () => saved,
      save: async (block: RateLimitBlock | null) => {
        saved = block;
      },
    };
    const until = createRateLimitGate({ now: () => 0, persist }).throttled({ percent: 100 });
    let now = 1000;
    const restarted = createRateLimitGate({ now: () => now, persist });
    expect(await restarted.blockedUntil()).toBe(until);
    // Its strikes too: the next throttle after the block takes the second step.
    now = until + 1000;
    expect(restarted.throttled({ percent: 100 })).toBe(now + 2 * 60_000);
  });

  it('honours a shorter first step (test builds)', () => {
    expect(createRateLimitGate({ now: () => 0, firstStepMs: 2000 }).throttled({ percent: 100 })).toBe(2000);
  });
});
