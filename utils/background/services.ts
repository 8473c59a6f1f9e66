import { browser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { buildSettings } from '../build-settings';
import { openCollabDeskDb } from '../cache/database';
import { createGraphCache } from '../cache/graph-cache';
import { AppError, describeError } from '../errors';
import { createGraphClient } from '../graph/client';
import { profileSchema, successSchema } from '../graph/schemas';
import { createEventHub } from '../messaging/events';
import { createAccessService } from '../permissions/access-service';
import { facebookSession, lastConnectedUser, metaAppIdSetting } from '../storage';

export type Services = ReturnType<typeof createServices>;

/** Builds the background's services once; the token stays inside them. */
export function createServices() {
  const events = createEventHub();
  const cache = createGraphCache(openCollabDeskDb());
  const getAppId = async () => (await metaAppIdSetting.getValue()) || buildSettings.defaultMetaAppId;

  const graph = createGraphClient({
    graphOrigin: buildSettings.graphOrigin,
    apiVersion: buildSettings.graphApiVersion,
    getAccessToken: () => auth.getAccessToken(),
    onSessionRejected: () => auth.renewSilently(),
  });

  const auth = createAuthService({
    launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
    redirectUri: browser.identity.getRedirectURL(),
    facebookOrigin: buildSettings.facebookOrigin,
    apiVersion: buildSettings.graphApiVersion,
    getAppId,
    session: { get: () => facebookSession.getValue(), set: (value) => facebookSession.setValue(value) },
    lastUser: { get: () => lastConnectedUser.getValue(), set: (value) => lastConnectedUser.setValue(value) },
    fetchProfile: (token) => graph.get('me', profileSchema, { searchParams: { fields: 'id,name' }, token }),
    deauthorize: async (token) => {
      await graph.delete('me/permissions', successSchema, { token });
    },
    onChange: (state) => {
      if (state.status === 'signed-out') void cache.clear();
      events.broadcast({ type: 'auth-changed', state });
    },
  });

  /** Whose data the cache holds: the connected person, or the one whose session expired. */
  async function currentUserId(): Promise<string> {
    const state = await auth.getState();
    if (state.status === 'signed-out') throw new AppError('not-connected', 'Connect with Facebook to see your Pages and brand accounts.');
    return state.user.id;
  }

  const access = createAccessService({
    graph,
    cache,
    currentUserId,
    onBackgroundRefresh: (outcome) => {
      if (outcome.ok) events.broadcast({ type: 'data-changed', area: 'access' });
      else events.broadcast({ type: 'refresh-failed', area: 'access', error: describeError(outcome.error) });
    },
  });

  return { auth, graph, cache, events, access, getAppId };
}
