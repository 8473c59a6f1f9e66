import { describe, expect, it } from 'vitest';
import { MAX_PACING_MS, pauseBeforeNextBatch, transientBackoff } from './governor';

describe('pauseBeforeNextBatch', () => {
  it.each([
    [0, 0],
    [49, 0],
    [50, 0],
    [72.5, MAX_PACING_MS / 4],
    [95, MAX_PACING_MS],
    [100, MAX_PACING_MS],
  ])('at %s %% usage waits %s ms', (usage, wait) => {
    expect(pauseBeforeNextBatch(usage)).toBe(wait);
  });

  it('never waits less as usage rises', () => {
    const waits = Array.from({ length: 101 }, (_, usage) => pauseBeforeNextBatch(usage));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
  });
});

describe('transientBackoff', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [10, 30_000],
  ])('attempt %s waits %s ms', (attempt, wait) => {
    expect(transientBackoff(attempt)).toBe(wait);
  });
});
