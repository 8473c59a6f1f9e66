import { browser } from '@/utils/browser';
import { createAuthService } from '../auth/auth-service';
import { createAuditLog } from '../audit/audit-log';
import { createJobStore } from '../bulk/job-store';
import { createWritePipeline } from '../bulk/pipeline';
import { createJobRunner } from '../bulk/runner';
import { readCacheKey } from '../cache/cache-keys';
import { buildSettings } from '../build-settings';
import { openCollabDeskDb } from './database';
import { createCachedReader } from '../cache/cached-reader';
import { createGraphCache } from '../cache/graph-cache';
import { AppError, describeError } from '../errors';
import { createGraphClient } from '../graph/client';
import { profileSchema, successSchema } from '../graph/schemas';
import { createEventHub } from '../messaging/events';
import type { DataArea } from '../messaging/protocol';
import { createPartnershipsService } from '../partnerships/partnerships-service';
import { createAccessService } from '../permissions/access-service';
import { createRateLimitGate } from '../graph/rate-limit-gate';
import { webAuthFlowDetails } from '../auth/login-flow';
import { authGlance, facebookSession, lastConnectedUser, loginConfigIdSetting, metaAppIdSetting, rateLimitBlock } from '../storage';
import { said } from '../i18n/said';
import { createWatchStore } from '../watch/watch-store';
import { accessGlance, recentCreators, watchLastCycle } from '../storage';
import { withoutBrandStatuses } from '../partnerships/recent-creators';
import { createNotesStore } from '../notes/notes-store';
import { createEndedTerms } from './ended-terms';
import { wakeBy } from './job-alarm';
import { createToolbarBadge } from './toolbar-badge';
import { createWatchWiring } from './watch-wiring';
import { createContentService } from '../content/content-service';
import { contentBusinessChoice } from '../storage';
import { createProfileStatusWiring } from '../profile-status/profile-status-wiring';

export type Services = ReturnType<typeof createServices>;

/** Builds the background's services once; the token stays inside them. */
export function createServices() {
  const events = createEventHub();
  const db = openCollabDeskDb();
  const cache = createGraphCache(db);
  const jobs = createJobStore(db);
  const audit = createAuditLog(db);
  const watchStore = createWatchStore(db);
  const notes = createNotesStore(db);
  const badge = createToolbarBadge({
    unfinishedJobs: () => jobs.unfinished(),
    counts: (jobId) => runner.counts(jobId),
    newsCount: () => watchStore.newsCount(),
    endedTermsCount: async () => (await endedTerms.approvedEnded()).length,
    onShown: () => profileStatus.globalTitleChanged(),
  });
  const scheduleBadge = badge.schedule;
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
    launchWebAuthFlow: ({ url, interactive }) =>
      browser.identity.launchWebAuthFlow(webAuthFlowDetails(url, interactive, import.meta.env.BROWSER)),
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
      // What the popup may paint from before this worker answers (never the token).
      void authGlance.setValue(state);
      if (state.status === 'signed-out') void forgetEverything();
      if (state.status === 'signed-in') void runner.resumeAfterLogin();
      events.broadcast({ type: 'auth-changed', state });
      // Profile tabs say "connect to see the status", or the status again.
      profileStatus.dataChanged();
    },
  });

  /** Disconnect deletes all Collab Desk keeps about the person's Meta data at once: the cache and every job (the audit log is theirs to clear). */
  async function forgetEverything(): Promise<void> {
    for (const job of await jobs.unfinished()) await runner.cancel(job.id);
    for (const job of await jobs.all()) await jobs.remove(job.id);
    await cache.clear();
    await watchStore.clear();
    await recentCreators.removeValue();
    await accessGlance.removeValue();
    await watchLastCycle.setValue(null);
    scheduleBadge();
  }

  /** Whose data the cache holds: the connected person, or the one whose session expired. */
  async function currentUserId(): Promise<string> {
    const state = await auth.getState();
    if (state.status === 'signed-out') throw new AppError('not-connected', said('errorNotConnectedPages'));
    return state.user.id;
  }

  /**
   * Open pages hear of it. A brand's partnership records changing also drops that brand's statuses
   * from the recent creators the popup paints first from, which may be old now; other areas change no status.
   */
  function dataChanged(area: DataArea, brandIgId: string | undefined): void {
    events.broadcast({ type: 'data-changed', area, brandIgId });
    if (area === 'partnerships' && brandIgId)
      void recentCreators.getValue().then((recent) => recentCreators.setValue(withoutBrandStatuses(recent, brandIgId)));
  }

  const reader = createCachedReader(cache, (outcome) => {
    const key = readCacheKey(outcome.key);
    if (!key) return;
    const area = key.area === 'access' ? 'access' : key.area === 'content' || key.area === 'content-business' ? 'content' : 'partnerships';
    const brandIgId = key.area === 'access' ? undefined : key.brandIgId;
    if (outcome.ok) dataChanged(area, brandIgId);
    else events.broadcast({ type: 'refresh-failed', area, brandIgId, error: describeError(outcome.error) });
  });
  const access = createAccessService({ graph, cache, reader, currentUserId });
  const partnerships = createPartnershipsService({
    graph,
    cache,
    reader,
    currentUserId,
    onChange: (brandIgId) => {
      dataChanged('partnerships', brandIgId);
      profileStatus.dataChanged();
    },
  });
  const profileStatus = createProfileStatusWiring({ auth, access, partnerships });

  const content = createContentService({
    graph,
    reader,
    currentUserId,
    brandPageId: async (brandIgId) => (await access.get()).overview.brands.find((brand) => brand.igId === brandIgId)?.pageId,
    keptBusiness: {
      get: async (brandIgId) => (await contentBusinessChoice.getValue())[brandIgId],
      set: async (brandIgId, business) =>
        contentBusinessChoice.setValue({ ...(await contentBusinessChoice.getValue()), [brandIgId]: business }),
    },
  });

  const fetchBrandList = (brandIgId: string, usernames: readonly string[]) => partnerships.freshListFor(brandIgId, usernames);
  const runner = createJobRunner({
    store: jobs,
    graph,
    readRecords: (brandIgId, creators) => partnerships.readRecords(brandIgId, creators),
    rememberOutcomes: (brandIgId, outcomes) => partnerships.rememberOutcomes(brandIgId, outcomes),
    onProgress: (progress) => {
      events.broadcast({ type: 'job-progress', progress });
      scheduleBadge();
    },
    renewSession: () => auth.renewSilently(),
    wakeAt: (time) => void wakeBy(time),
  });

  const pipeline = createWritePipeline({
    runner,
    store: jobs,
    fetchBrandList,
    brandUsernameOf: async (brandIgId) =>
      (await access.get()).overview.brands.find((brand) => brand.igId === brandIgId)?.username ?? brandIgId,
    knownRecord: (brandIgId, creator) => partnerships.knownRecord(brandIgId, creator),
    currentRecord: (brandIgId, username) => partnerships.knownStanding(brandIgId, username),
  });

  const readyBrands = async () =>
    (await access.get()).overview.brands.filter((brand) => brand.readiness.ready).map(({ igId, username }) => ({ igId, username }));
  const { runWatch, scheduleWatch } = createWatchWiring({
    store: watchStore,
    cache,
    partnerships,
    currentUserId,
    readyBrands,
    brandList: async (brandIgId) => (await partnerships.list(brandIgId)).value,
    events,
    scheduleBadge,
  });
  const endedTerms = createEndedTerms({ notes, partnerships, scheduleBadge });

  return {
    auth,
    graph,
    cache,
    events,
    access,
    partnerships,
    runner,
    pipeline,
    jobs,
    audit,
    watchStore,
    runWatch,
    scheduleWatch,
    getAppId,
    getLoginConfigId,
    showBadge: badge.show,
    scheduleBadge,
    readyBrands,
    currentUserId,
    notes,
    checkEndedTerms: endedTerms.check,
    content,
    profileStatus,
  };
}
