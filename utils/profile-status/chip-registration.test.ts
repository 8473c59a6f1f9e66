import { describe, expect, it } from 'vitest';
import { CHIP_SCRIPT_ID, createChipRegistration, type ScriptingApi } from './chip-registration';

function fakeScripting() {
  const scripts = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  const api: ScriptingApi = {
    getRegisteredContentScripts: async ({ ids }) => [...scripts.keys()].filter((id) => ids.includes(id)).map((id) => ({ id })),
    registerContentScripts: async (list) => {
      calls.push('register');
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      calls.push('unregister');
      ids.forEach((id) => scripts.delete(id));
    },
  };
  return { api, scripts, calls };
}

describe('the chip script registration', () => {
  it('registers the chip on instagram.com only, persisting, and removes it when turned off', async () => {
    const { api, scripts } = fakeScripting();
    const registration = createChipRegistration(api);
    await registration.sync(true);
    expect(scripts.get(CHIP_SCRIPT_ID)).toMatchObject({
      js: ['profile-chip.js'],
      matches: ['https://www.instagram.com/*'],
      persistAcrossSessions: true,
    });
    await registration.sync(false);
    expect(scripts.size).toBe(0);
  });

  it('is idempotent, also when asked twice at once (a background start and a Settings change)', async () => {
    const { api, calls } = fakeScripting();
    const registration = createChipRegistration(api);
    await Promise.all([registration.sync(true), registration.sync(true)]);
    await registration.sync(true);
    expect(calls).toEqual(['register']);
    await Promise.all([registration.sync(false), registration.sync(false)]);
    expect(calls).toEqual(['register', 'unregister']);
  });
});
