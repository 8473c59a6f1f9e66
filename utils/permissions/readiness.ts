import { advertiseAccessName, describeAccess } from './access-names';
import { knownTasks } from './task-table';
import { FEATURE_NEEDS, type TokenPermission } from './token-permissions';

/** One reason the person cannot manage partnership ads for a brand account yet, with its fix. */
export type ReadinessProblem =
  | { kind: 'permission-declined'; permission: string; message: string; fix: 'rerequest' }
  | { kind: 'permission-not-granted'; permission: string; message: string; fix: 'reconnect' }
  | { kind: 'role-too-low'; message: string; fix: 'ask-admin' };

export interface Readiness {
  ready: boolean;
  problems: ReadinessProblem[];
}

export const PARTNERSHIP_PERMISSIONS = FEATURE_NEEDS['Partnership-ad permissions']!;

/**
 * Seed 004: the token needs instagram_branded_content_ads_brand, instagram_basic and
 * business_management, and the person at least the Advertiser role (ADVERTISE or MANAGE).
 */
export function partnershipReadiness(
  page: { tasks: readonly string[]; newPageExperience: boolean },
  tokenPermissions: readonly TokenPermission[],
): Readiness {
  const problems: ReadinessProblem[] = [];
  for (const permission of PARTNERSHIP_PERMISSIONS) {
    const status = tokenPermissions.find((entry) => entry.permission === permission)?.status ?? 'not-asked';
    if (status === 'declined') {
      problems.push({
        kind: 'permission-declined',
        permission,
        fix: 'rerequest',
        message: `You declined ${permission} when connecting. Ask Facebook again and allow it.`,
      });
    } else if (status === 'not-asked') {
      problems.push({
        kind: 'permission-not-granted',
        permission,
        fix: 'reconnect',
        message: `Collab Desk does not have ${permission} yet. Connect again and allow it.`,
      });
    }
  }
  const tasks = knownTasks(page.tasks);
  if (!tasks.includes('ADVERTISE') && !tasks.includes('MANAGE')) {
    const current = describeAccess(page.tasks, page.newPageExperience).label;
    problems.push({
      kind: 'role-too-low',
      fix: 'ask-admin',
      message: `Your access to this Page (${current}) cannot manage partnership ads. Ask a Page admin for ${advertiseAccessName(page.newPageExperience)}.`,
    });
  }
  return { ready: problems.length === 0, problems };
}
