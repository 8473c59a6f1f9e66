/**
 * WXT_INSTAGRAM_ACCESS, the build setting that decides how Collab Desk may read instagram.com
 * tabs for "Show status on instagram.com" (docs/development.md, "Build settings"):
 * - optional (the default): the host permission is optional, asked when the person turns the
 *   feature on, so installing shows no warning about instagram.com;
 * - granted: the permission is in the manifest from install (managed installs, tests).
 * The Settings checkbox decides whether the feature runs in both.
 */
export type InstagramAccess = 'optional' | 'granted';

import { INSTAGRAM_ORIGIN as INSTAGRAM_ORIGIN_PATTERN } from '../utils/profile-status/instagram-origin';

/** The setting's value; anything but optional or granted stops the build, naming what was given. */
export function instagramAccessOf(value: string | undefined): InstagramAccess {
  const given = (value ?? '').trim();
  if (given === '' || given === 'optional') return 'optional';
  if (given === 'granted') return 'granted';
  throw new Error(`WXT_INSTAGRAM_ACCESS must be "optional" or "granted", not "${given}"`);
}

/**
 * Where the instagram.com origin goes in the manifest. Chrome's MV3 build has
 * optional_host_permissions; Firefox's MV2 build asks for hosts through optional_permissions
 * (WXT drops optional_host_permissions from MV2 manifests).
 */
export function instagramManifestEntries(access: InstagramAccess, browser: string) {
  if (access === 'granted') return { host: [INSTAGRAM_ORIGIN_PATTERN], optionalHost: [], optional: [] };
  return browser === 'firefox'
    ? { host: [], optionalHost: [], optional: [INSTAGRAM_ORIGIN_PATTERN] }
    : { host: [], optionalHost: [INSTAGRAM_ORIGIN_PATTERN], optional: [] };
}
