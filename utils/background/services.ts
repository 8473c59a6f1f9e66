import { browser } from 'wxt/browser';
import { createAuthService } from '../auth/auth-service';
import { createAuditLog } from '../bulk/audit';
import { createJobStore } from '../bulk/job-store';
import { createBulkRunner } from '../bulk/runner';
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
import { createRateLimitGate } from '../graph/rate-limit-gate';
import { webAuthFlowDetails } from '../auth/login-flow';
import { facebookSession, lastConnectedUser, loginConfigIdSetting, metaAppIdSetting, rateLimitBlock } from '../storage';

export type Services = ReturnType<typeof createServices>;

/** The alarm that wakes the worker when a bulk job's wait (Meta's rate limit) is over. */
export const BULK_ALARM = 'collab-desk-bulk-resume';

/** Builds the background's services once; the token stays inside them. */
export function createServices() {
  const events = createEventHub();
  const db = openCollabDeskDb();
  const cache = createGraphCache(db);
  const jobs = createJobStore(db);
  const audit = createAuditLog(db);
  const getAppId = async () => (await metaAppIdSetting.getValue()) || buildSettings.defaultMetaAppId;
  const getLoginConfigId = async () => (await loginConfigIdSetting.getValue()) || buildSettings.defaultLoginConfigId;

  const graph = createGraphClient({
    graphOrigin: buildSettings.graphOrigin,
    apiVersion: buildSettings.graphApiVersion,
    getAccessToken: () => auth.getAccessToken(),
    onSessionRejected: () => auth.renewSilently(),
    rateLimitGate: createRateLimitGate({
      firstStepMs: buildSettings.rateLimitFirstStepMs,
      persist: { load: () => rateLimitBlock.getValue(), save: (block) => rateLimitBlock.setValue(block) },
    }),
  });

  const auth = createAuthService({
    launchWebAuthFlow: ({ url, interactive }) => browser.identity.launchWebAuthFlow(webAuthFlowDetails(url, interactive, import.meta.env.BROWSER)),
    redirectUri: browser.identity.getRedirectURL(),
    facebookOrigin: buildSettings.facebookOrigin,
    apiVersion: buildSettings.graphApiVersion,
    getAppId,
    getLoginConfigId,
    session: { get: () => facebookSession.getValue(), set: (value) => facebookSession.setValue(value) },
    lastUser: { get: () => lastConnectedUser.getValue(), set: (value) => lastConnectedUser.setValue(value) },
    fetchProfile: (token) => graph.get('me', profileSchema, { searchParams: { fields: 'id,name' }, token }),
    deauthorize: async (token) => {
      await graph.delete('me/permissions', successSchema, { token });
    },
    onChange: (state) => {
      if (state.status === 'signed-out') void forgetEverything();
      if (state.status === 'signed-in') void bulk.resumeAfterLogin();
      events.broadcast({ type: 'auth-changed', state });
    },
  });

  /** Disconnect deletes all Collab Desk keeps about the person's Meta data at once. */
  async function forgetEverything(): Promise<void> {
    for (const job of await jobs.unfinished()) await bulk.cancel(job.id);
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
    audit,
    onChange: (brandIgId) => events.broadcast({ type: 'data-changed', area: 'partnerships', brandIgId }),
  });

  const bulk = createBulkRunner({
    store: jobs,
    graph,
    audit,
    fetchBrandList: async (brandIgId) => (await partnerships.refreshList(brandIgId)).value,
    rememberOutcomes: async (brandIgId, outcomes) => {
      await partnerships.rememberOutcomes(brandIgId, outcomes);
    },
    onProgress: (jobId) => events.broadcast({ type: 'job-progress', jobId }),
    wakeAt: (time) => void browser.alarms.create(BULK_ALARM, { when: time }),
  });

  return { auth, graph, cache, events, access, partnerships, bulk, jobs, audit, getAppId, getLoginConfigId };
}
