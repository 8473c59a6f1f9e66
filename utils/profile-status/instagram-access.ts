import { browser } from '@/utils/browser';
import { INSTAGRAM_ORIGIN } from './instagram-origin';

export { INSTAGRAM_ORIGIN };

interface ManifestPermissions {
  permissions?: readonly unknown[];
  host_permissions?: readonly unknown[];
}

/** Whether this build holds instagram.com from install (WXT_INSTAGRAM_ACCESS=granted): then it is never asked for or given back. */
export function buildHoldsInstagram(manifest: ManifestPermissions): boolean {
  // MV3 lists hosts in host_permissions; Firefox's MV2 build lists them among permissions.
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])].includes(INSTAGRAM_ORIGIN);
}

export function buildHoldsInstagramNow(): boolean {
  return buildHoldsInstagram(browser.runtime.getManifest() as ManifestPermissions);
}

/** Whether the browser lets Collab Desk read instagram.com tabs now (from the build or the person's yes). */
export async function instagramAccessHeld(): Promise<boolean> {
  return browser.permissions.contains({ origins: [INSTAGRAM_ORIGIN] });
}
