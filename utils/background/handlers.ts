import { browser } from 'wxt/browser';
import { buildSettings } from '../build-settings';
import { profileSchema } from '../graph/schemas';
import type { SettingsView } from '../messaging/protocol';
import type { Handlers } from '../messaging/serve';
import { loginConfigIdSetting, metaAppIdSetting, selectedBrandSetting } from '../storage';
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
  getAppId,
  getLoginConfigId,
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
    saveSettings: async ({ metaAppId, loginConfigId }) => {
      await metaAppIdSetting.setValue(metaAppId);
      if (loginConfigId !== undefined) await loginConfigIdSetting.setValue(loginConfigId);
      events.broadcast({ type: 'settings-changed' });
      return settingsView();
    },
    getAccessOverview: async () => ({ ...(await access.get()), selectedBrandIgId: await selectedBrandSetting.getValue() }),
    refreshAccessOverview: async () => ({ ...(await access.refresh()), selectedBrandIgId: await selectedBrandSetting.getValue() }),
    selectBrand: async ({ igId }) => {
      await selectedBrandSetting.setValue(igId);
      return { selectedBrandIgId: igId };
    },
    listPartnerships: ({ brandIgId }) => partnerships.list(brandIgId),
    refreshPartnerships: ({ brandIgId }) => partnerships.refreshList(brandIgId),
    lookupCreator: ({ brandIgId, username }) => partnerships.lookup(brandIgId, username),
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
  };
}
