import { describe, expect, it } from 'vitest';
import { transientBackoff } from './governor';

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
