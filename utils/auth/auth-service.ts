import { AppError } from '../errors';
import { said } from '../i18n/said';
import type { AuthState, FacebookUser, StoredSession } from './auth-state';
import { buildLoginUrl, explainAuthFlowFailure, LOGIN_SCOPES, parseLoginRedirect, randomState } from './login-flow';

export interface AuthServiceDeps {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  redirectUri: string;
  facebookOrigin: string;
  apiVersion: string;
  getAppId(): Promise<string>;
  /** The Login for Business configuration ID, or '' for the classic dialog. */
  getLoginConfigId(): Promise<string>;
  session: {
    get(): Promise<StoredSession | null>;
    set(value: StoredSession | null): Promise<void>;
  };
  /** The user who was connected last, kept so an expired session can say whose it was. */
  lastUser: {
    get(): Promise<FacebookUser | null>;
    set(value: FacebookUser | null): Promise<void>;
  };
  fetchProfile(accessToken: string): Promise<FacebookUser>;
  deauthorize(accessToken: string): Promise<void>;
  onChange(state: AuthState): void;
  now?: () => number;
  newState?: () => string;
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Token lifecycle: login through Facebook's dialog, silent renewal, expiry and logout. */
export function createAuthService(deps: AuthServiceDeps) {
  const now = deps.now ?? Date.now;
  let renewal: Promise<boolean> | undefined;

  async function getState(): Promise<AuthState> {
    const session = await deps.session.get();
    if (session && session.expiresAt > now()) {
      return { status: 'signed-in', user: session.user, expiresAt: session.expiresAt, declinedScopes: session.declinedScopes };
    }
    const lastUser = await deps.lastUser.get();
    return lastUser ? { status: 'expired', user: lastUser } : { status: 'signed-out' };
  }

  async function connect(options: { interactive: boolean; rerequest?: boolean }): Promise<AuthState> {
    const appId = (await deps.getAppId()).trim();
    if (!appId) {
      throw new AppError('missing-app-id', said('errorMissingAppId'));
    }
    const state = (deps.newState ?? randomState)();
    const url = buildLoginUrl({
      facebookOrigin: deps.facebookOrigin,
      apiVersion: deps.apiVersion,
      appId,
      redirectUri: deps.redirectUri,
      state,
      scopes: LOGIN_SCOPES,
      rerequest: options.rerequest,
      configId: (await deps.getLoginConfigId()).trim() || undefined,
    });
    let redirectUrl: string | undefined;
    try {
      redirectUrl = await deps.launchWebAuthFlow({ url, interactive: options.interactive });
    } catch (error) {
      throw explainAuthFlowFailure(error);
    }
    if (!redirectUrl) throw new AppError('login-cancelled', said('errorLoginCancelled'));
    const login = parseLoginRedirect(redirectUrl, state, now());
    const user = await deps.fetchProfile(login.accessToken);
    await deps.session.set({
      accessToken: login.accessToken,
      expiresAt: login.expiresAt,
      user,
      declinedScopes: login.declinedScopes ?? [],
    });
    await deps.lastUser.set(user);
    return announce();
  }

  async function announce(): Promise<AuthState> {
    const state = await getState();
    deps.onChange(state);
    return state;
  }

  /** Tries once, without showing anything, to get a new token; marks the session expired if it cannot. */
  function renewSilently(): Promise<boolean> {
    renewal ??= (async () => {
      try {
        await connect({ interactive: false });
        return true;
      } catch {
        await deps.session.set(null);
        await announce();
        return false;
      } finally {
        renewal = undefined;
      }
    })();
    return renewal;
  }

  return {
    getState,
    connect,
    renewSilently,

    async disconnect(options: { deauthorize: boolean }): Promise<AuthState> {
      const session = await deps.session.get();
      let deauthorizeError: unknown;
      if (options.deauthorize && session) {
        try {
          await deps.deauthorize(session.accessToken);
        } catch (error) {
          deauthorizeError = error;
        }
      }
      await deps.session.set(null);
      await deps.lastUser.set(null);
      const state = await announce();
      if (deauthorizeError) {
        throw new AppError('login-failed', said('errorDisconnectIncomplete'));
      }
      return state;
    },

    /** Keeps the connected person's name current (it can change on Facebook). */
    async updateUser(user: FacebookUser): Promise<AuthState> {
      const session = await deps.session.get();
      if (session) await deps.session.set({ ...session, user });
      return announce();
    },

    /** The token for a Graph call; renews it silently when it has run out. */
    async getAccessToken(): Promise<string> {
      const session = await deps.session.get();
      if (session && session.expiresAt > now()) return session.accessToken;
      // Once a silent renewal has failed the session is gone: wait for the person to connect.
      if (session && (await renewSilently())) {
        const renewed = await deps.session.get();
        if (renewed) return renewed.accessToken;
      }
      if (session || (await deps.lastUser.get())) {
        throw new AppError('session-expired', said('errorSessionExpired'));
      }
      throw new AppError('not-connected', said('errorNotConnected'));
    },
  };
}
