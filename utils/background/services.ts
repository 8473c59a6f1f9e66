import { browser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { buildSettings } from '../build-settings';
import { openCollabDeskDb } from '../cache/database';
import { createGraphCache } from '../cache/graph-cache';
import { createGraphClient } from '../graph/client';
import { profileSchema, successSchema } from '../graph/schemas';
import { createEventHub } from '../messaging/events';
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

  return { auth, graph, cache, events, getAppId };
}
