import { knownTasks, type PageTask } from './task-table';

/**
 * How Meta's own screens name a person's access to a Page (seed 001, "Referring to tasks"):
 * classic Pages speak of roles, new-experience Pages of Facebook access or Task access.
 */
export interface AccessName {
  scheme: 'role' | 'access';
  /** "Admin", "Advertiser", "Facebook access", "Task access: Ads, Insights"... */
  label: string;
}

/** Classic roles from the most to the least powerful, each with the task that sets it apart. */
const CLASSIC_ROLES: Array<[PageTask, string]> = [
  ['MANAGE', 'Admin'],
  ['CREATE_CONTENT', 'Editor'],
  ['MODERATE', 'Moderator'],
  ['ADVERTISE', 'Advertiser'],
  ['ANALYZE', 'Analyst'],
];

/** Task access areas on new-experience Pages, in the order Meta lists them. */
const TASK_ACCESS_AREAS: Array<[PageTask, string]> = [
  ['ADVERTISE', 'Ads'],
  ['CREATE_CONTENT', 'Content'],
  ['ANALYZE', 'Insights'],
  ['MODERATE', 'Messages & Community Activity'],
];

export function describeAccess(tasks: readonly string[], newPageExperience: boolean): AccessName {
  const known = knownTasks(tasks);
  if (!newPageExperience) {
    const role = CLASSIC_ROLES.find(([task]) => known.includes(task))?.[1];
    return { scheme: 'role', label: role ?? 'No role' };
  }
  if (known.includes('MANAGE')) return { scheme: 'access', label: 'Facebook access' };
  const areas = TASK_ACCESS_AREAS.filter(([task]) => known.includes(task)).map(([, area]) => area);
  return { scheme: 'access', label: areas.length > 0 ? `Task access: ${areas.join(', ')}` : 'No access' };
}

/** What to ask the Page's admin for so the person can manage partnership ads. */
export function advertiseAccessName(newPageExperience: boolean): string {
  return newPageExperience ? 'Task access for Ads (or Facebook access)' : 'the Advertiser role (or a higher one)';
}
