import { knownTasks, type PageTask } from './task-table';
import { said, type MessageKey, type Said } from '../i18n/said';

/**
 * How Meta's own screens name a person's access to a Page (seed 001, "Referring to tasks"):
 * classic Pages speak of roles, new-experience Pages of Facebook access or Task access.
 */
export interface AccessName {
  scheme: 'role' | 'access';
  /** "Admin", "Advertiser", "Facebook access", "Task access: Ads and Insights"... */
  label: Said;
}

/** Classic roles from the most to the least powerful, each with the task that sets it apart. */
const CLASSIC_ROLES: Array<[PageTask, MessageKey]> = [
  ['MANAGE', 'roleAdmin'],
  ['CREATE_CONTENT', 'roleEditor'],
  ['MODERATE', 'roleModerator'],
  ['ADVERTISE', 'roleAdvertiser'],
  ['ANALYZE', 'roleAnalyst'],
];

/** Task access areas on new-experience Pages, in the order Meta lists them. */
const TASK_ACCESS_AREAS: Array<[PageTask, MessageKey]> = [
  ['ADVERTISE', 'areaAds'],
  ['CREATE_CONTENT', 'areaContent'],
  ['ANALYZE', 'areaInsights'],
  ['MODERATE', 'areaCommunity'],
];

export function describeAccess(tasks: readonly string[], newPageExperience: boolean): AccessName {
  const known = knownTasks(tasks);
  if (!newPageExperience) {
    const role = CLASSIC_ROLES.find(([task]) => known.includes(task))?.[1];
    return { scheme: 'role', label: said(role ?? 'roleNone') };
  }
  if (known.includes('MANAGE')) return { scheme: 'access', label: said('accessFacebook') };
  const areas = TASK_ACCESS_AREAS.filter(([task]) => known.includes(task)).map(([, area]) => said(area));
  return { scheme: 'access', label: areas.length > 0 ? said('accessTask', { areas: { list: areas } }) : said('accessNone') };
}

/** What to ask the Page's admin for so the person can manage partnership ads. */
export function advertiseAccessName(newPageExperience: boolean): Said {
  return said(newPageExperience ? 'accessNeededNew' : 'accessNeededClassic');
}
