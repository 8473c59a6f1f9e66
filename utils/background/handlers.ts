import { browser } from '@/utils/browser';
import { buildSettings } from '../build-settings';
import { profileSchema } from '../graph/schemas';
import type { SettingsView } from '../messaging/protocol';
import type { Handlers } from '../messaging/serve';
import {
  accessGlance,
  loginConfigIdSetting,
  metaAppIdSetting,
  recentCreators,
  selectedBrandSetting,
  watchLastCycle,
  watchSettings,
} from '../storage';
import { withRecentLookup } from '../partnerships/recent-creators';
import { chosenBrand } from '../permissions/access-overview';
import { AppError, describeError } from '../errors';
import { said } from '../i18n/said';
import { backupSchema, makeBackup, planImport } from '../notes/backup';
import { notificationsAllowed } from './notify';
import type { AllBrandsList, WatchView } from '../messaging/protocol';
import type { PartnershipPermission } from '../partnerships/permission-record';
import type { ActionKind } from '../partnerships/status';
import { WATCH_CALL_BUDGET, WATCH_MAX_CREATORS, WATCH_NEW_BRANDS_PER_CYCLE } from '../watch/watch-settings';
import type { Services } from './services';

/** Every privileged thing the extension can do, by name. */
export function createHandlers({
  auth,
  graph,
  access,
  partnerships,
  runner,
  pipeline,
  jobs,
  audit,
  events,
  watchStore,
  runWatch,
  scheduleWatch,
  scheduleBadge,
  currentUserId,
  notes,
  checkEndedTerms,
  getAppId,
  getLoginConfigId,
  content,
  profileStatus,
}: Services): Handlers {
  async function settingsView(): Promise<SettingsView> {
    return {
      metaAppId: await metaAppIdSetting.getValue(),
      effectiveMetaAppId: await getAppId(),
      loginConfigId: await loginConfigIdSetting.getValue(),
      effectiveLoginConfigId: await getLoginConfigId(),
      redirectUri: browser.identity.getRedirectURL(),
      graphOrigin: buildSettings.graphOrigin,
      graphApiVersion: buildSettings.graphApiVersion,
    };
  }

  /** Open pages show the notes again; the badge and the ended-terms notice follow. */
  function notesChanged(): void {
    events.broadcast({ type: 'data-changed', area: 'notes' });
    void checkEndedTerms();
  }

  /** The action a job is taking on a creator for a brand right now (a finished one no longer hides the row's action). */
  async function heldNow(brandIgId: string, username: string): Promise<ActionKind | undefined> {
    for (const kind of ['send', 'revoke'] as const) if ((await jobs.heldBy(brandIgId, kind, { username }))?.state === 'held') return kind;
    return undefined;
  }

  async function watchView(): Promise<WatchView> {
    const state = await auth.getState();
    return {
      settings: await watchSettings.getValue(),
      lastCycle: await watchLastCycle.getValue(),
      news: state.status === 'signed-out' ? [] : await watchStore.news(state.user.id),
      budget: { calls: WATCH_CALL_BUDGET, creators: WATCH_MAX_CREATORS, newBrands: WATCH_NEW_BRANDS_PER_CYCLE },
      fixedIntervalMinutes: buildSettings.watchIntervalMinutes,
      notificationsAllowed: await notificationsAllowed(),
    };
  }

  /** The overview with the chosen brand; kept in storage too, for the popup to paint from before it asks (utils/cache/glance.ts). */
  async function withChoice(snapshot: Awaited<ReturnType<typeof access.get>>) {
    await accessGlance.setValue({ userId: await currentUserId(), snapshot });
    return { ...snapshot, selectedBrandIgId: await selectedBrandSetting.getValue() };
  }

  /** Every ready brand's list together, each record carrying its brand; a brand Meta refuses says why and costs only its rows. */
  async function allBrands(read: (brandIgId: string) => ReturnType<typeof partnerships.list>): Promise<AllBrandsList> {
    await currentUserId();
    const brands = (await access.get()).overview.brands.filter((brand) => brand.readiness.ready);
    const value: PartnershipPermission[] = [];
    const summary: AllBrandsList['brands'] = [];
    let fetchedAt = Date.now();
    let refreshing = false;
    for (const brand of brands) {
      try {
        const list = await read(brand.igId);
        for (const record of list.value) value.push({ ...record, brandIgId: brand.igId });
        fetchedAt = Math.min(fetchedAt, list.fetchedAt);
        refreshing ||= list.refreshing;
        summary.push({ brandIgId: brand.igId, brandUsername: brand.username, count: list.value.length });
      } catch (error) {
        summary.push({ brandIgId: brand.igId, brandUsername: brand.username, count: 0, error: describeError(error) });
      }
    }
    return { value, fetchedAt, refreshing, brands: summary };
  }

  return {
    getAuthState: () => auth.getState(),
    connect: async ({ rerequest }) => {
      const state = await auth.connect({ interactive: true, rerequest });
      // New login, possibly with other permissions: what was cached no longer holds.
      await access.invalidate();
      return state;
    },
    disconnect: ({ deauthorize }) => auth.disconnect({ deauthorize }),
    refreshProfile: async () => auth.updateUser(await graph.get('me', profileSchema, { searchParams: { fields: 'id,name' } })),
    getSettings: settingsView,
    getProfileStatusSetting: () => profileStatus.settingView(),
    saveProfileStatusSetting: ({ enabled }) => profileStatus.save(enabled),
    saveSettings: async ({ metaAppId, loginConfigId }) => {
      await metaAppIdSetting.setValue(metaAppId);
      if (loginConfigId !== undefined) await loginConfigIdSetting.setValue(loginConfigId);
      events.broadcast({ type: 'settings-changed' });
      return settingsView();
    },
    getAccessOverview: async () => withChoice(await access.get()),
    refreshAccessOverview: async () => withChoice(await access.refresh()),
    selectBrand: async ({ igId }) => {
      await selectedBrandSetting.setValue(igId);
      profileStatus.dataChanged();
      return { selectedBrandIgId: igId };
    },
    listPartnerships: ({ brandIgId }) => partnerships.list(brandIgId),
    refreshPartnerships: ({ brandIgId }) => partnerships.refreshList(brandIgId),
    lookupCreator: ({ brandIgId, username }) => partnerships.lookup(brandIgId, username),
    lookupCreatorAcrossBrands: async ({ username }) => {
      const brands = (await access.get()).overview.brands;
      const chosen = chosenBrand(brands, await selectedBrandSetting.getValue());
      const ordered = chosen ? [chosen, ...brands.filter((brand) => brand !== chosen)] : brands;
      const ready = ordered.filter((brand) => brand.readiness.ready).map((brand) => brand.igId);
      const standings = ready.length > 0 ? await partnerships.standings(ready, username) : [];
      const answer = {
        username,
        brands: await Promise.all(
          ordered.map(async (brand) => ({
            brandIgId: brand.igId,
            brandUsername: brand.username,
            readiness: brand.readiness,
            standing: standings.find((standing) => standing.brandIgId === brand.igId),
            // A job holding the creator for this brand is sending (or revoking) now: no second action is offered.
            heldBy: await heldNow(brand.igId, username),
          })),
        ),
      };
      // The popup offers the last creators again and paints their statuses first (entrypoints/popup-glance.ts); only this answer writes the list.
      await recentCreators.setValue(withRecentLookup(await recentCreators.getValue(), answer));
      return answer;
    },
    listAllPartnerships: () => allBrands((brandIgId) => partnerships.list(brandIgId)),
    refreshAllPartnerships: () => allBrands((brandIgId) => partnerships.refreshList(brandIgId)),
    getWatch: watchView,
    saveWatchSettings: async (settings) => {
      const before = await watchSettings.getValue();
      await watchSettings.setValue(settings);
      await scheduleWatch(settings);
      // Turned on: the first look happens now, so what is pending today is the baseline.
      if (settings.enabled && !before.enabled) void runWatch();
      return watchView();
    },
    runWatchNow: async () => {
      await runWatch();
      return watchView();
    },
    listNotes: () => notes.all(),
    saveNote: async ({ brandIgId, username, endDate, campaign }) => {
      await notes.put([{ brandIgId, username, endDate: endDate || undefined, campaign: campaign || undefined, updatedAt: Date.now() }]);
      notesChanged();
      return notes.all();
    },
    saveNotes: async ({ brandIgId, notes: incoming }) => {
      const existing = new Map((await notes.ofBrand(brandIgId)).map((note) => [note.username, note]));
      // A file's empty cell keeps what the person had; a filled one replaces it.
      const merged = incoming
        .filter((note) => note.endDate || note.campaign)
        .map((note) => ({
          ...existing.get(note.username),
          brandIgId,
          username: note.username,
          endDate: note.endDate || existing.get(note.username)?.endDate,
          campaign: note.campaign || existing.get(note.username)?.campaign,
          updatedAt: Date.now(),
        }));
      await notes.put(merged);
      notesChanged();
      return { saved: merged.length };
    },
    deleteAllNotes: async () => {
      await notes.clear();
      notesChanged();
    },
    exportBackup: async () => makeBackup(await notes.all()),
    importBackup: async ({ backup, overwrite }) => {
      const parsed = backupSchema.safeParse(backup);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || '-';
        throw new AppError('invalid-message', said('backupInvalid', { where }));
      }
      const plan = planImport(await notes.all(), parsed.data);
      await notes.put(overwrite ? [...plan.added, ...plan.replacing] : plan.added);
      notesChanged();
      return {
        added: plan.added.length,
        replaced: overwrite ? plan.replacing.length : 0,
        unchanged: plan.unchanged,
        conflicts: overwrite ? 0 : plan.replacing.length,
      };
    },
    markWatchNewsSeen: async ({ upToId }) => {
      await watchStore.markSeen(upToId);
      scheduleBadge();
      events.broadcast({ type: 'data-changed', area: 'watch' });
      return watchView();
    },
    sendPartnershipRequest: ({ brandIgId, username }) => pipeline.send(brandIgId, username),
    revokePartnership: ({ brandIgId, username, creatorId }) => pipeline.revoke(brandIgId, { username, creatorId }),
    listKeptActions: () => pipeline.keptActions(),
    retryKeptAction: ({ id }) => pipeline.retryKept(id),
    discardKeptAction: ({ id }) => pipeline.discardKept(id),
    planBulkJob: (request) => pipeline.plan(request),
    startBulkJob: ({ jobId }) => pipeline.confirm(jobId),
    discardBulkPlan: ({ jobId }) => pipeline.discardPlan(jobId),
    getBulkJob: async ({ jobId }) => {
      const job = jobId ? await jobs.get(jobId) : await jobs.latestBulk();
      return job ? { job, items: (await jobs.items(job.id)).sort((a, b) => a.index - b.index), counts: await jobs.counts(job.id) } : null;
    },
    pauseBulkJob: ({ jobId }) => runner.pause(jobId),
    resumeBulkJob: ({ jobId }) => runner.resume(jobId),
    cancelBulkJob: ({ jobId }) => runner.cancel(jobId),
    retryFailedBulkJob: ({ jobId }) => runner.retryFailed(jobId),
    getAuditLog: () => audit.list(),
    clearAuditLog: () => audit.clear(),
    listContent: ({ brandIgId, filters, after }) => content.listPage(brandIgId, filters, after),
    refreshContent: ({ brandIgId, filters, after }) => content.refreshPage(brandIgId, filters, after),
    lookupContent: ({ brandIgId, lines }) => content.lookup(brandIgId, lines),
    listContentBusinesses: ({ brandIgId }) => content.businesses(brandIgId),
    chooseContentBusiness: async ({ brandIgId, businessId }) => {
      const business = await content.chooseBusiness(brandIgId, businessId);
      events.broadcast({ type: 'data-changed', area: 'content', brandIgId });
      return business;
    },
  };
}
