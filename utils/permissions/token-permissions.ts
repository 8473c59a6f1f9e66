/** A Facebook permission as /me/permissions reports it, or never asked for. */
export type TokenPermissionStatus = 'granted' | 'declined' | 'not-asked';

export interface TokenPermission {
  permission: string;
  status: TokenPermissionStatus;
  /** The Collab Desk features that stop working without it. */
  neededFor: string[];
}

/** Which features need which permission; everything Collab Desk asks for is listed here. */
export const FEATURE_NEEDS: Record<string, readonly string[]> = {
  'List your Pages and roles': ['pages_show_list'],
  'Show linked Instagram accounts': ['instagram_basic'],
  'Partnership-ad permissions': ['instagram_branded_content_ads_brand', 'instagram_basic', 'business_management'],
};

export function summarizeTokenPermissions(reported: ReadonlyArray<{ permission: string; status: string }>): TokenPermission[] {
  const statusOf = new Map(reported.map((entry) => [entry.permission, entry.status.toLowerCase()]));
  const wanted = [...new Set(Object.values(FEATURE_NEEDS).flat())];
  return wanted.map((permission) => {
    const status = statusOf.get(permission);
    return {
      permission,
      status: status === 'granted' ? 'granted' : status === 'declined' ? 'declined' : 'not-asked',
      neededFor: Object.entries(FEATURE_NEEDS)
        .filter(([, needs]) => needs.includes(permission))
        .map(([feature]) => feature),
    };
  });
}
