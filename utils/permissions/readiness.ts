import { advertiseAccessName, describeAccess } from './access-names';
import { knownTasks } from './task-table';
import { FEATURE_NEEDS, type TokenPermission } from './token-permissions';
import { said, type Said } from '../i18n/said';

/** One reason the person cannot manage partnership ads for a brand account yet, with its fix. */
export type ReadinessProblem =
  | { kind: 'permission-declined'; permission: string; message: Said; fix: 'rerequest' }
  | { kind: 'permission-not-granted'; permission: string; message: Said; fix: 'reconnect' }
  | { kind: 'role-too-low'; message: Said; fix: 'ask-admin' };

export interface Readiness {
  ready: boolean;
  problems: ReadinessProblem[];
}

export const PARTNERSHIP_PERMISSIONS = FEATURE_NEEDS.featurePartnershipAds;

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
        message: said('readinessDeclined', { permission }),
      });
    } else if (status === 'not-asked') {
      problems.push({
        kind: 'permission-not-granted',
        permission,
        fix: 'reconnect',
        message: said('readinessNotGranted', { permission }),
      });
    }
  }
  const tasks = knownTasks(page.tasks);
  if (!tasks.includes('ADVERTISE') && !tasks.includes('MANAGE')) {
    const current = describeAccess(page.tasks, page.newPageExperience).label;
    problems.push({
      kind: 'role-too-low',
      fix: 'ask-admin',
      message: said('readinessRoleTooLow', { current, needed: advertiseAccessName(page.newPageExperience) }),
    });
  }
  return { ready: problems.length === 0, problems };
}
