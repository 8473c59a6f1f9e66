import { describe, expect, it, vi } from 'vitest';
import type { AuthState, FacebookUser, StoredSession } from './auth-state';
import { createAuthService, type AuthServiceDeps } from './auth-service';

const NOW = 1_800_000_000_000;
const REDIRECT = 'https://id.chromiumapp.org/';
const DANA = { id: '1', name: 'Dana' };

function setup(overrides: Partial<AuthServiceDeps> = {}) {
  let session: StoredSession | null = null;
  let lastUser: FacebookUser | null = null;
  const changes: AuthState[] = [];
  const launchWebAuthFlow = vi.fn(
    async ({ url }: { url: string; interactive: boolean }) =>
      `${REDIRECT}#access_token=T${launchWebAuthFlow.mock.calls.length}&expires_in=3600&state=${new URL(url).searchParams.get('state')}`,
  );
  const deps: AuthServiceDeps = {
    launchWebAuthFlow,
    redirectUri: REDIRECT,
    facebookOrigin: 'https://fb.test',
    apiVersion: 'v25.0',
    getAppId: async () => '42',
    getLoginConfigId: async () => '',
    session: {
      get: async () => session,
      set: async (value) => {
        session = value;
      },
    },
    lastUser: {
      get: async () => lastUser,
      set: async (value) => {
        lastUser = value;
      },
    },
    fetchProfile: vi.fn(async () => DANA),
    deauthorize: vi.fn(async () => {}),
    onChange: (state) => changes.push(state),
    now: () => NOW,
    ...overrides,
  };
  return { auth: createAuthService(deps), deps, launchWebAuthFlow, changes, session: () => session };
}

describe('auth service', () => {
  it('connects: keeps the token in the session, tells the UI who is connected, never the token', async () => {
    const { auth, changes, session } = setup();
    const state = await auth.connect({ interactive: true });
    expect(state).toEqual({ status: 'signed-in', user: DANA, expiresAt: NOW + 3_600_000, declinedScopes: [] });
    expect(session()?.accessToken).toBe('T1');
    expect(JSON.stringify(changes)).not.toContain('T1');
  });

  it('opens the Login for Business dialog with config_id (and no scope) when a configuration is set', async () => {
    const { auth, launchWebAuthFlow } = setup({ getLoginConfigId: async () => ' 818 ' });
    await auth.connect({ interactive: true });
    const url = new URL(launchWebAuthFlow.mock.calls[0]![0].url);
    expect(url.searchParams.get('config_id')).toBe('818');
    expect(url.searchParams.has('scope')).toBe(false);
  });

  it('refuses to open the dialog without an app ID', async () => {
    const { auth, launchWebAuthFlow } = setup({ getAppId: async () => '  ' });
    await expect(auth.connect({ interactive: true })).rejects.toMatchObject({ kind: 'missing-app-id' });
    expect(launchWebAuthFlow).not.toHaveBeenCalled();
  });

  it('says "not connected" before the first login and "expired" after a session ran out', async () => {
    let now = NOW;
    const { auth } = setup({ now: () => now });
    await expect(auth.getAccessToken()).rejects.toMatchObject({ kind: 'not-connected' });
    await auth.connect({ interactive: true });
    now += 2 * 3_600_000;
    expect(await auth.getAccessToken()).toBe('T2'); // renewed silently
  });

  it('marks the session expired when silent renewal needs the user', async () => {
    const { auth, launchWebAuthFlow, changes } = setup();
    await auth.connect({ interactive: true });
    launchWebAuthFlow.mockRejectedValueOnce(new Error('User interaction required.'));
    expect(await auth.renewSilently()).toBe(false);
    expect(launchWebAuthFlow.mock.calls.at(-1)?.[0].interactive).toBe(false);
    expect(changes.at(-1)).toEqual({ status: 'expired', user: DANA });
    await expect(auth.getAccessToken()).rejects.toMatchObject({ kind: 'session-expired' });
  });

  it('shares one silent renewal between calls that fail at the same time', async () => {
    const { auth, launchWebAuthFlow } = setup();
    await auth.connect({ interactive: true });
    const results = await Promise.all([auth.renewSilently(), auth.renewSilently(), auth.renewSilently()]);
    expect(results).toEqual([true, true, true]);
    expect(launchWebAuthFlow).toHaveBeenCalledTimes(2);
  });

  it('disconnects locally even when Facebook cannot de-authorize, and says so', async () => {
    const { auth, session } = setup({ deauthorize: vi.fn(async () => Promise.reject(new Error('offline'))) });
    await auth.connect({ interactive: true });
    await expect(auth.disconnect({ deauthorize: true })).rejects.toMatchObject({ kind: 'login-failed' });
    expect(session()).toBeNull();
    expect(await auth.getState()).toEqual({ status: 'signed-out' });
  });
});
