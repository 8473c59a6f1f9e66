import { browser } from '@/utils/browser';
import { createAuthService } from '../auth/auth-service';
import { createAuditLog } from '../audit/audit-log';
import { createJobStore } from '../bulk/job-store';
import { createWritePipeline } from '../bulk/pipeline';
import { createJobRunner } from '../bulk/runner';
import { badgeFor } from './badge';
import { readCacheKey } from '../cache/cache-keys';
import { buildSettings } from '../build-settings';
import { openCollabDeskDb } from './database';
import { createCachedReader } from '../cache/cached-reader';
import { createGraphCache } from '../cache/graph-cache';
import { AppError, describeError } from '../errors';
import { createGraphClient } from '../graph/client';
import { profileSchema, successSchema } from '../graph/schemas';
import { createEventHub } from '../messaging/events';
import { createPartnershipsService } from '../partnerships/partnerships-service';
import { createAccessService } from '../permissions/access-service';
import { createRateLimitGate } from '../graph/rate-limit-gate';
import { webAuthFlowDetails } from '../auth/login-flow';
import { authGlance, facebookSession, lastConnectedUser, loginConfigIdSetting, metaAppIdSetting, rateLimitBlock } from '../storage';
import { i18n } from '../i18n';
import { notify } from './notify';
import { said, saidCount } from '../i18n/said';
import { createWatchStore } from '../watch/watch-store';
import { createWatchService, WATCH_ALARM } from '../watch/watch-service';
import type { WatchCycleSummary, WatchSettings } from '../watch/watch-settings';
import type { WatchNews } from '../watch/watch-cycle';
import { watchLastCycle } from '../storage';
import { statusWord } from '../partnerships/status';
import { createNotesStore } from '../notes/notes-store';
import { hasEnded, isEndedTerm, today, type CreatorNote } from '../notes/note';

export type Services = ReturnType<typeof createServices>;

/** The alarm that looks for terms that ended (hourly; local only, no call to Meta). */
export const TERMS_ALARM = 'collab-desk-terms';

/** The alarm that wakes the worker when a job's wait (Meta's rate limit, a passing failure) is over. */
export const JOB_ALARM = 'collab-desk-job-resume';

/** Makes sure the job alarm fires at or before `time` (one alarm serves every waiting job). */
async function wakeBy(time: number): Promise<void> {
  const existing = await browser.alarms.get(JOB_ALARM);
  if (existing && existing.scheduledTime > Date.now() && existing.scheduledTime <= time) return;
  await browser.alarms.create(JOB_ALARM, { when: Math.max(time, Date.now() + 1000) });
}

/** Builds the background's services once; the token stays inside them. */
export function createServices() {
  const events = createEventHub();
  const db = openCollabDeskDb();
  const cache = createGraphCache(db);
  const jobs = createJobStore(db);
  const audit = createAuditLog(db);
  const watchStore = createWatchStore(db);
  const notes = createNotesStore(db);
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
    },
  });

  /** Disconnect deletes all Collab Desk keeps about the person's Meta data at once: the cache and every job (the audit log is theirs to clear). */
  async function forgetEverything(): Promise<void> {
    for (const job of await jobs.unfinished()) await runner.cancel(job.id);
    for (const job of await jobs.all()) await jobs.remove(job.id);
    await cache.clear();
    await watchStore.clear();
    await watchLastCycle.setValue(null);
    scheduleBadge();
  }

  /** Whose data the cache holds: the connected person, or the one whose session expired. */
  async function currentUserId(): Promise<string> {
    const state = await auth.getState();
    if (state.status === 'signed-out') throw new AppError('not-connected', said('errorNotConnectedPages'));
    return state.user.id;
  }

  const reader = createCachedReader(cache, (outcome) => {
    const key = readCacheKey(outcome.key);
    if (!key) return;
    const area = key.area === 'access' ? 'access' : 'partnerships';
    const brandIgId = key.area === 'access' ? undefined : key.brandIgId;
    if (outcome.ok) events.broadcast({ type: 'data-changed', area, brandIgId });
    else events.broadcast({ type: 'refresh-failed', area, brandIgId, error: describeError(outcome.error) });
  });
  const access = createAccessService({ graph, cache, reader, currentUserId });
  const partnerships = createPartnershipsService({
    graph,
    cache,
    reader,
    currentUserId,
    onChange: (brandIgId) => events.broadcast({ type: 'data-changed', area: 'partnerships', brandIgId }),
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

  /** The toolbar badge follows jobs, at most a few times a second. */
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleBadge(): void {
    if (badgeTimer) return;
    badgeTimer = setTimeout(() => {
      badgeTimer = undefined;
      void showBadge();
    }, 300);
  }
  async function showBadge(): Promise<void> {
    const unfinished = await jobs.unfinished();
    const bulkJob = unfinished.find((job) => job.origin === 'bulk' && (job.state === 'running' || job.state === 'waiting'));
    const badge = badgeFor({
      bulk: bulkJob && { job: bulkJob, counts: await runner.counts(bulkJob.id) },
      kept: unfinished.filter((job) => job.origin === 'single' && job.state !== 'running').length,
      news: await watchStore.newsCount(),
      ended: (await endedApprovedTerms()).length,
    });
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeText({ text: badge.text });
    await action.setBadgeBackgroundColor({ color: badge.color });
    // The toolbar is the browser's own surface: the background says the words itself.
    await action.setTitle({ title: i18n.say(badge.title) });
  }

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
  const watch = createWatchService({
    store: watchStore,
    cache,
    partnerships,
    currentUserId,
    readyBrands,
    brandList: async (brandIgId) => (await partnerships.list(brandIgId)).value,
    onNews: async (news) => {
      scheduleBadge();
      events.broadcast({ type: 'data-changed', area: 'watch' });
      await notifyNews(news);
    },
  });

  /** One notification per cycle that found news, when the person allowed notifications. */
  async function notifyNews(news: readonly WatchNews[]): Promise<void> {
    const lines = news.slice(0, 5).map((entry) =>
      i18n.say(
        said('watchNotificationLine', {
          creator: `@${entry.creatorUsername}`,
          brand: `@${entry.brandUsername}`,
          status: statusWord(entry.to),
        }),
      ),
    );
    if (news.length > 5) lines.push(i18n.say(saidCount('watchNotificationMore', news.length - 5)));
    await notify(WATCH_ALARM, i18n.say(saidCount('watchNotificationTitle', news.length)), lines.join('\n'));
  }

  /** Approved permissions whose term (the person's end date) has passed, as the cache knows them. */
  async function endedApprovedTerms(): Promise<CreatorNote[]> {
    const day = today();
    const ended = (await notes.all()).filter((note) => hasEnded(note, day));
    const approved: CreatorNote[] = [];
    for (const note of ended) {
      const record = await partnerships.knownRecord(note.brandIgId, { username: note.username }).catch(() => undefined);
      if (isEndedTerm(record?.status, note, day)) approved.push(note);
    }
    return approved;
  }

  /**
   * Terms that ended since last told: the badge counts them, and one notification (when
   * allowed) names how many. Nothing is revoked: the person does that with Revoke ended terms.
   */
  let endedTermsCheck: Promise<void> = Promise.resolve();
  function checkEndedTerms(): Promise<void> {
    // One check at a time: two saves in a row must not both tell the person about the same term.
    endedTermsCheck = endedTermsCheck.then(tellEndedTerms, tellEndedTerms);
    return endedTermsCheck;
  }

  async function tellEndedTerms(): Promise<void> {
    scheduleBadge();
    const untold = (await endedApprovedTerms()).filter((note) => !note.endNotified);
    if (untold.length === 0) return;
    await notes.markEndNotified(untold);
    await notify(
      TERMS_ALARM,
      i18n.say(saidCount('termsNotificationTitle', untold.length)),
      i18n.say(
        said('termsNotificationMessage', {
          // The language's own list ("@a, @b and 3 more").
          creators: {
            list: [
              ...untold.slice(0, 5).map((note) => `@${note.username}`),
              ...(untold.length > 5 ? [saidCount('watchNotificationMore', untold.length - 5)] : []),
            ],
          },
        }),
      ),
    );
  }

  /** A watch cycle whose outcome (or failure) is kept for Settings to say; never throws. */
  async function runWatch(): Promise<WatchCycleSummary> {
    let summary: WatchCycleSummary;
    try {
      summary = await watch.run();
    } catch (error) {
      summary = { at: Date.now(), checked: 0, leftOver: 0, found: 0, failed: describeError(error).said };
    }
    await watchLastCycle.setValue(summary);
    events.broadcast({ type: 'data-changed', area: 'watch' });
    return summary;
  }

  /** The watch's alarm follows its settings (a build for tests may look more often). */
  async function scheduleWatch(settings: WatchSettings): Promise<void> {
    if (!settings.enabled) {
      await browser.alarms.clear(WATCH_ALARM);
      return;
    }
    const periodInMinutes = buildSettings.watchIntervalMinutes || settings.everyHours * 60;
    const existing = await browser.alarms.get(WATCH_ALARM);
    if (existing?.periodInMinutes === periodInMinutes) return;
    await browser.alarms.create(WATCH_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  }

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
    showBadge,
    scheduleBadge,
    readyBrands,
    currentUserId,
    notes,
    checkEndedTerms,
  };
}
