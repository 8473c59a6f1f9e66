import { said, type MessageKey, type Said } from '../i18n/said';

/** A Facebook permission as /me/permissions reports it, or never asked for. */
export type TokenPermissionStatus = 'granted' | 'declined' | 'not-asked';

export interface TokenPermission {
  permission: string;
  status: TokenPermissionStatus;
  /** The Collab Desk features that stop working without it. */
  neededFor: Said[];
}

/** Which features need which permission; everything Collab Desk asks for is listed here. */
export const FEATURE_NEEDS = {
  featurePages: ['pages_show_list'],
  featureLinkedAccounts: ['instagram_basic'],
  featurePartnershipAds: ['instagram_branded_content_ads_brand', 'instagram_basic', 'business_management'],
  // The Content view's edge hangs under the brand's business (business_management) and reads Instagram content (the brand permission, with instagram_basic).
  featurePartnershipContent: ['business_management', 'instagram_branded_content_ads_brand', 'instagram_basic'],
} as const satisfies Partial<Record<MessageKey, readonly string[]>>;

export function summarizeTokenPermissions(reported: ReadonlyArray<{ permission: string; status: string }>): TokenPermission[] {
  const statusOf = new Map(reported.map((entry) => [entry.permission, entry.status.toLowerCase()]));
  const needs = Object.entries(FEATURE_NEEDS) as Array<[keyof typeof FEATURE_NEEDS, readonly string[]]>;
  const wanted = [...new Set(needs.flatMap(([, permissions]) => permissions))];
  return wanted.map((permission) => {
    const status = statusOf.get(permission);
    return {
      permission,
      status: status === 'granted' ? 'granted' : status === 'declined' ? 'declined' : 'not-asked',
      neededFor: needs.filter(([, permissions]) => permissions.includes(permission)).map(([feature]) => said(feature)),
    };
  });
}
