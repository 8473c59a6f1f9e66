import { createBrandLists } from './brand-lists';
import { createCreatorLookups } from './creator-lookups';
import { createRememberedChanges } from './remembered-changes';
import { createPartnershipsContext, type PartnershipsServiceDeps } from './service-context';

export type { PartnershipsServiceDeps };

export type PartnershipsService = ReturnType<typeof createPartnershipsService>;

/**
 * Creator partnership-ad permissions of a brand: list and look up through the cache, and
 * remember confirmed changes. Its parts share Meta's answers (./meta-permissions.ts, which
 * remembers the field set Meta accepts) and the cache keys of the signed-in person.
 */
export function createPartnershipsService(deps: PartnershipsServiceDeps) {
  const context = createPartnershipsContext(deps);
  return {
    ...createBrandLists(context),
    ...createCreatorLookups(context),
    /** Asks Meta about many creators at once (the watch); answers are not cached here. */
    lookupMany: context.meta.lookupMany,
    ...createRememberedChanges(context),
  };
}
