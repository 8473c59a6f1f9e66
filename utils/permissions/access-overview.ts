import { describeAccess, type AccessName } from './access-names';
import { partnershipReadiness, type Readiness } from './readiness';
import { grantablePermissions, type InstagramPermission } from './task-table';
import { summarizeTokenPermissions, type TokenPermission } from './token-permissions';
import type { Words } from '../i18n/said';

/** A Page as /me/accounts gives it (fields requested explicitly). */
export interface PageRecord {
  id: string;
  name: string;
  tasks?: string[];
  has_transitioned_to_new_page_experience?: boolean;
  instagram_business_account?: { id: string; username?: string; name?: string; profile_picture_url?: string };
}

export interface BrandAccount {
  igId: string;
  username: string;
  name?: string;
  pageId: string;
  pageName: string;
}

export interface PageAccess {
  id: string;
  name: string;
  tasks: string[];
  newPageExperience: boolean;
  access: AccessName;
  grantable: Record<InstagramPermission, boolean>;
  brand?: BrandAccount;
  readiness?: Readiness;
}

/** Everything the Permissions view and the popup show, derived from two Graph reads. */
export interface AccessOverview {
  pages: PageAccess[];
  tokenPermissions: TokenPermission[];
  brands: Array<BrandAccount & { readiness: Readiness }>;
  /** Set when Meta refused the Instagram fields of the Pages, with the reason in plain words. */
  instagramUnavailable?: Words;
}

export function buildAccessOverview(
  pages: readonly PageRecord[],
  reportedPermissions: ReadonlyArray<{ permission: string; status: string }>,
  instagramUnavailable?: Words,
): AccessOverview {
  const tokenPermissions = summarizeTokenPermissions(reportedPermissions);
  const pageAccess = pages.map((page): PageAccess => {
    const tasks = page.tasks ?? [];
    const newPageExperience = page.has_transitioned_to_new_page_experience === true;
    const ig = page.instagram_business_account;
    // A Page Meta gave no readable name is called by its ID.
    const name = page.name || page.id;
    const brand = ig ? { igId: ig.id, username: ig.username ?? ig.id, name: ig.name, pageId: page.id, pageName: name } : undefined;
    return {
      id: page.id,
      name,
      tasks,
      newPageExperience,
      access: describeAccess(tasks, newPageExperience),
      grantable: grantablePermissions(tasks),
      brand,
      readiness: brand ? partnershipReadiness({ tasks, newPageExperience }, tokenPermissions) : undefined,
    };
  });
  const brands = pageAccess.flatMap((page) => (page.brand && page.readiness ? [{ ...page.brand, readiness: page.readiness }] : []));
  return { pages: pageAccess, tokenPermissions, brands, instagramUnavailable };
}

/** The brand account to show: the one chosen last, else the first ready one, else the first. */
export function chosenBrand<T extends BrandAccount & { readiness: Readiness }>(
  brands: readonly T[],
  selectedIgId: string | undefined,
): T | undefined {
  return brands.find((brand) => brand.igId === selectedIgId) ?? brands.find((brand) => brand.readiness.ready) ?? brands[0];
}
