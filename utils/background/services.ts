import { browser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { buildSettings } from '../build-settings';
import { openCollabDeskDb } from '../cache/database';
import { createCachedReader } from '../cache/cached-reader';
import { createGraphCache } from '../cache/graph-cache';
import { AppError, describeError } from '../errors';
import { createGraphClient } from '../graph/client';
import { profileSchema, successSchema } from '../graph/schemas';
import { createEventHub } from '../messaging/events';
import { createPartnershipsService } from '../partnerships/partnerships-service';
import { accessCacheKey, createAccessService } from '../permissions/access-service';
import { facebookSession, lastConnectedUser, metaAppIdSetting } from '../storage';

export type Services = ReturnType<typeof createServices>;

/** Builds the background's services once; the token stays inside them. */
export function createServices() {
  const events = createEventHub();
  const db = openCollabDeskDb();
  const cache = createGraphCache(db);
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
      if (state.status === 'signed-out') void forgetEverything();
      events.broadcast({ type: 'auth-changed', state });
    },
  });

  /** Disconnect deletes all Collab Desk keeps about the person's Meta data at once. */
  async function forgetEverything(): Promise<void> {
    await cache.clear();
    await (await db).clear('actions');
  }

  /** Whose data the cache holds: the connected person, or the one whose session expired. */
  async function currentUserId(): Promise<string> {
    const state = await auth.getState();
    if (state.status === 'signed-out') throw new AppError('not-connected', 'Connect with Facebook to see your Pages and brand accounts.');
    return state.user.id;
  }

  const reader = createCachedReader(cache, async (outcome) => {
    const userId = await currentUserId().catch(() => undefined);
    if (!userId) return;
    const brandIgId = outcome.key.match(/^[^:]+:partnerships:(\d+)/)?.[1];
    const area = outcome.key === accessCacheKey(userId) ? 'access' : brandIgId ? 'partnerships' : undefined;
    if (!area) return;
    if (outcome.ok) events.broadcast({ type: 'data-changed', area, brandIgId });
    else events.broadcast({ type: 'refresh-failed', area, brandIgId, error: describeError(outcome.error) });
  });
  const access = createAccessService({ graph, cache, reader, currentUserId });
  const partnerships = createPartnershipsService({
    graph,
    cache,
    reader,
    db,
    currentUserId,
    onChange: (brandIgId) => events.broadcast({ type: 'data-changed', area: 'partnerships', brandIgId }),
  });

  return { auth, graph, cache, events, access, partnerships, getAppId };
}
