import { describe, expect, it } from 'vitest';
import { RECENT_CREATORS_MAX, recentCreatorsFrom, withRecentCreator } from './recent-creators';

describe('the recent creators list', () => {
  it.each([
    { recent: [], username: 'maya.trails', expected: ['maya.trails'] },
    { recent: ['leo_eats'], username: 'maya.trails', expected: ['maya.trails', 'leo_eats'] },
    { recent: ['leo_eats', 'maya.trails', 'ivy_studio'], username: 'maya.trails', expected: ['maya.trails', 'leo_eats', 'ivy_studio'] },
    { recent: ['maya.trails'], username: 'Maya.Trails', expected: ['maya.trails'] },
  ])('puts $username first, once', ({ recent, username, expected }) => {
    expect(withRecentCreator(recent, username)).toEqual(expected);
  });

  it('keeps the last ten, dropping the oldest', () => {
    const recent = Array.from({ length: RECENT_CREATORS_MAX }, (_, index) => `creator${index}`);
    const next = withRecentCreator(recent, 'newest');
    expect(next).toHaveLength(RECENT_CREATORS_MAX);
    expect(next[0]).toBe('newest');
    expect(next).not.toContain(`creator${RECENT_CREATORS_MAX - 1}`);
  });

  it.each([
    { stored: undefined, expected: [] },
    { stored: 'maya.trails', expected: [] },
    { stored: ['maya.trails', 7, '', null, 'leo_eats'], expected: ['maya.trails', 'leo_eats'] },
  ])('reads $stored as stored', ({ stored, expected }) => {
    expect(recentCreatorsFrom(stored)).toEqual(expected);
  });

  it('reads at most ten', () => {
    expect(recentCreatorsFrom(Array.from({ length: 15 }, (_, index) => `c${index}`))).toHaveLength(RECENT_CREATORS_MAX);
  });
});
