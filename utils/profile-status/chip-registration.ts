import { INSTAGRAM_ORIGIN } from './instagram-origin';

export const CHIP_SCRIPT_ID = 'collab-desk-profile-chip';
/** The chip's script as WXT builds it (an unlisted script: in no manifest entry, so it runs only while registered). */
export const CHIP_SCRIPT_FILE = 'profile-chip.js';

/** The part of browser.scripting this needs (Chrome MV3, and Firefox from 102 in MV2). */
export interface ScriptingApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
  registerContentScripts(scripts: Array<Record<string, unknown> & { id: string }>): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/**
 * Keeps the chip's content script registered exactly while the feature is on, so with it off
 * no Collab Desk script runs on instagram.com. Safe to call again and again (each start of the
 * background checks it): calls run one after another, and each looks before it changes anything.
 */
export function createChipRegistration(scripting: ScriptingApi) {
  let queue: Promise<unknown> = Promise.resolve();

  async function apply(wanted: boolean): Promise<void> {
    const registered = (await scripting.getRegisteredContentScripts({ ids: [CHIP_SCRIPT_ID] })).length > 0;
    if (wanted && !registered) {
      await scripting.registerContentScripts([
        {
          id: CHIP_SCRIPT_ID,
          js: [CHIP_SCRIPT_FILE],
          matches: [INSTAGRAM_ORIGIN],
          runAt: 'document_idle',
          // Registered once; the browser keeps it across restarts until the person turns the feature off.
          persistAcrossSessions: true,
        },
      ]);
    }
    if (!wanted && registered) await scripting.unregisterContentScripts({ ids: [CHIP_SCRIPT_ID] });
  }

  return {
    sync(wanted: boolean): Promise<void> {
      const next = queue.then(() => apply(wanted));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
