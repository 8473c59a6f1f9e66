import { describe, expect, it } from 'vitest';
import { grantablePermissions, PAGE_TASKS } from './task-table';

/** Seed 001's table as printed there: permission -> tasks with a tick. */
const SEED_TABLE: Record<string, string[]> = {
  instagram_basic: ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'],
  instagram_content_publish: ['MANAGE', 'CREATE_CONTENT'],
  instagram_manage_comments: ['MANAGE', 'CREATE_CONTENT', 'MODERATE'],
  instagram_manage_insights: ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'ADVERTISE', 'ANALYZE'],
};

/** All 32 sets of the five tasks. */
const EVERY_COMBINATION = Array.from({ length: 2 ** PAGE_TASKS.length }, (_, mask) => PAGE_TASKS.filter((_, bit) => mask & (1 << bit)));

describe('grantablePermissions', () => {
  it.each(EVERY_COMBINATION.map((tasks) => [tasks.join('+') || '(no tasks)', tasks] as const))('%s', (_name, tasks) => {
    const expected = Object.fromEntries(
      Object.entries(SEED_TABLE).map(([permission, ticked]) => [permission, tasks.some((task) => ticked.includes(task))]),
    );
    expect(grantablePermissions(tasks)).toEqual(expected);
  });

  it('reads tasks in any case and ignores tasks outside the table', () => {
    expect(grantablePermissions(['analyze', 'MESSAGING', 'VIEW_MONETIZATION_INSIGHTS'])).toEqual({
      instagram_basic: true,
      instagram_content_publish: false,
      instagram_manage_comments: false,
      instagram_manage_insights: true,
    });
  });
});
