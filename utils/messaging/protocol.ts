import type { ActionKind } from '../partnerships/status';
import { browser } from '@/utils/browser';
import type * as z from 'zod/mini';
import type { AuthState } from '../auth/auth-state';
import type { AuditEntry } from '../audit/audit-entry';
import type { ItemState, Job, JobItem } from '../bulk/job';
import type { KeptAction, PlanSummary } from '../bulk/pipeline';
import type { JobProgress } from '../bulk/runner';
import type { CachedRead } from '../cache/cached-reader';
import type { BrandStanding, CreatorLookup } from '../partnerships/creator-lookups';
import type { Readiness } from '../permissions/readiness';
import type { DescribedError } from '../errors';
import type { WatchCycleSummary, WatchSettings } from '../watch/watch-settings';
import type { StoredNews } from '../watch/watch-store';
import type { CreatorNote } from '../notes/note';
import type { Backup } from '../notes/backup';
import type { PartnershipPermission } from '../partnerships/permission-record';
import type { AccessSnapshot } from '../permissions/access-service';
import type { requestSchemas, tabRequestSchemas } from './request-schemas';
import type { ChipState } from '../profile-status/profile-tabs';
import type { Said } from '../i18n/said';
import type { Business } from '../content/business-choice';
import type { ContentListAnswer, ContentLookupAnswer } from '../content/content-service';

/**
 * The whole conversation between the UI (popup, dashboard) and the background, in one place:
 * request data types come from the zod schemas in request-schemas.ts (checked on arrival),
 * reply types are below. Pages import only types from here, so zod stays out of their bundles.
 */

export interface SettingsView {
  /** The app ID the person entered; empty when using the build's default. */
  metaAppId: string;
  /** The app ID login will use. */
  effectiveMetaAppId: string;
  /** The Login for Business configuration ID the person entered; empty when using the build's (or none). */
  loginConfigId: string;
  /** The configuration login will use; empty means the classic dialog with permissions asked one by one. */
  effectiveLoginConfigId: string;
  /** What to paste into the Meta app's "Valid OAuth Redirect URIs". */
  redirectUri: string;
  graphOrigin: string;
  graphApiVersion: string;
}

/** One creator's standing with every brand account the person can reach (the chosen one first). */
export interface StandingsAcrossBrands {
  username: string;
  brands: Array<{
    brandIgId: string;
    brandUsername: string;
    readiness: Readiness;
    standing?: BrandStanding;
    /** A job holds the creator for this brand: it is sending (or revoking) now. */
    heldBy?: ActionKind;
  }>;
}

/** Every brand's records together (records carry their brandIgId), with each brand's count or failure. */
export interface AllBrandsList extends CachedRead<PartnershipPermission[]> {
  brands: Array<{ brandIgId: string; brandUsername: string; count: number; error?: DescribedError }>;
}

/** The approvals watch as Settings and the Partnerships view show it. */
export interface WatchView {
  settings: WatchSettings;
  lastCycle: WatchCycleSummary | null;
  /** What changed since the person last looked, newest first. */
  news: StoredNews[];
  /** The most batch requests and creators one cycle may use, and brands it reads for the first time. */
  budget: { calls: number; creators: number; newBrands: number };
  /** Set in test and demo builds: the watch looks every this many minutes, whatever is chosen. */
  fixedIntervalMinutes: number;
  notificationsAllowed: boolean;
}

/** What importing a backup did, or (without overwrite) would replace if the person agrees. */
export interface ImportOutcome {
  added: number;
  replaced: number;
  unchanged: number;
  /** Notes left as they were because the backup's differ: ask before replacing them. */
  conflicts: number;
}

/** "Show status on instagram.com" as Settings shows it. */
export interface ProfileStatusSettingView {
  enabled: boolean;
  /** The build holds instagram.com from install (WXT_INSTAGRAM_ACCESS=granted): nothing is asked or given back. */
  buildHoldsAccess: boolean;
  /** The person took the access away in the browser's settings, which turned the feature off. */
  removedByBrowser: boolean;
}

interface Replies {
  getAuthState: AuthState;
  getProfileStatusSetting: ProfileStatusSettingView;
  saveProfileStatusSetting: ProfileStatusSettingView;
  connect: AuthState;
  disconnect: AuthState;
  refreshProfile: AuthState;
  getSettings: SettingsView;
  saveSettings: SettingsView;
  getAccessOverview: AccessSnapshot & { selectedBrandIgId: string };
  refreshAccessOverview: AccessSnapshot & { selectedBrandIgId: string };
  selectBrand: { selectedBrandIgId: string };
  listPartnerships: CachedRead<PartnershipPermission[]>;
  refreshPartnerships: CachedRead<PartnershipPermission[]>;
  lookupCreator: CreatorLookup;
  lookupCreatorAcrossBrands: StandingsAcrossBrands;
  listAllPartnerships: AllBrandsList;
  refreshAllPartnerships: AllBrandsList;
  getWatch: WatchView;
  saveWatchSettings: WatchView;
  runWatchNow: WatchView;
  markWatchNewsSeen: WatchView;
  listNotes: CreatorNote[];
  saveNote: CreatorNote[];
  saveNotes: { saved: number };
  deleteAllNotes: void;
  exportBackup: Backup;
  importBackup: ImportOutcome;
  sendPartnershipRequest: PartnershipPermission;
  revokePartnership: PartnershipPermission;
  listKeptActions: KeptAction[];
  retryKeptAction: PartnershipPermission;
  discardKeptAction: void;
  planBulkJob: PlanSummary;
  startBulkJob: Job;
  discardBulkPlan: void;
  getBulkJob: { job: Job; items: JobItem[]; counts: Record<ItemState, number> } | null;
  pauseBulkJob: void;
  resumeBulkJob: void;
  cancelBulkJob: void;
  retryFailedBulkJob: void;
  getAuditLog: AuditEntry[];
  clearAuditLog: void;
  // Partnership content (utils/content/): GET-only reads of Meta's Content Discovery edge.
  listContent: ContentListAnswer;
  refreshContent: ContentListAnswer;
  lookupContent: ContentLookupAnswer;
  listContentBusinesses: { current?: Business; businesses: Business[] };
  chooseContentBusiness: Business;
}

/** The chip's requests (content script on instagram.com): answered for the sender's own tab only. */
export type TabRequestType = keyof typeof tabRequestSchemas;
export interface TabReplies {
  getProfileStatus: ChipState | null;
  openProfileStatus: void;
}
/** What the background pushes to the chip (tabs.sendMessage) when its tab moves to another profile. */
export interface ChipMessage {
  collabDeskChip: 1;
  state: ChipState | null;
}

/** What a page sends (before the background's schema normalises it). */
type Requests = { [K in keyof typeof requestSchemas]: z.input<(typeof requestSchemas)[K]> };
/** What a handler receives, after validation and normalisation. */
export type ParsedRequest<K extends RequestType> = z.output<(typeof requestSchemas)[K]>;
export type RequestType = keyof typeof requestSchemas;
export type RequestData<K extends RequestType> = Requests[K];
export type Reply<K extends RequestType> = Replies[K];

export type ProtocolMap = { [K in RequestType]: (data: Requests[K]) => Replies[K] };

/** A request as it travels through runtime.sendMessage: our mark, the request's name and its data. */
export interface WireRequest {
  collabDesk: 1;
  type: string;
  data: unknown;
}

/** What travels back: the reply, or the failure's fields (an Error's class does not survive the trip). */
export type WireReply = { reply: unknown } | { failure: WireFailure };
export interface WireFailure {
  message: string;
  kind?: string;
  said?: unknown;
  details?: unknown;
}

/** Requests that only read: safe to ask again when the service worker stopped before answering. */
const READS_ONLY = new Set<RequestType>([
  'getAuthState',
  'getSettings',
  'getAccessOverview',
  'listPartnerships',
  'lookupCreator',
  'lookupCreatorAcrossBrands',
  'listAllPartnerships',
  'getWatch',
  'listNotes',
  'exportBackup',
  'listKeptActions',
  'getBulkJob',
  'getAuditLog',
  'listContent',
  'lookupContent',
  'listContentBusinesses',
]);
const WORKER_GONE = /message channel closed|receiving end does not exist|message port closed|no answer/i;

/**
 * Asks the background. A read whose answer was lost because the service worker was stopped
 * is asked once more (the worker starts again for it); a write is never sent twice from here.
 * A failure is thrown as an Error carrying the background's kind, words and details.
 */
export async function sendMessage<K extends RequestType>(type: K, ...data: Parameters<ProtocolMap[K]>): Promise<Reply<K>> {
  const request: WireRequest = { collabDesk: 1, type, data: data[0] };
  const send = async () => {
    const answer = (await browser.runtime.sendMessage(request)) as WireReply | undefined;
    if (!answer || typeof answer !== 'object') throw new Error('The background gave no answer.');
    if ('failure' in answer) throw Object.assign(new Error(answer.failure.message), answer.failure);
    return answer.reply as Reply<K>;
  };
  try {
    return await send();
  } catch (error) {
    if (!READS_ONLY.has(type) || !(error instanceof Error) || !WORKER_GONE.test(error.message)) throw error;
    return send();
  }
}

/** Events the background pushes to open pages over a port (no polling). */
export type DataArea = 'access' | 'partnerships' | 'watch' | 'notes' | 'content';
export type BackgroundEvent =
  | { type: 'auth-changed'; state: AuthState }
  /** brandIgId is set for partnerships (that brand's list, lookups or kept actions changed) and content (a page of that brand's content). */
  | { type: 'data-changed'; area: DataArea; brandIgId?: string }
  /** A job moved on: the job as it is now, the items whose state changed, and the counts. */
  | { type: 'job-progress'; progress: JobProgress }
  | { type: 'refresh-failed'; area: DataArea; brandIgId?: string; error: { kind: string; said: Said } }
  /** Settings were saved (a page may now show Connect instead of the setup guide). */
  | { type: 'settings-changed' }
  /** Page-side only: the events port is connected again after the worker restarted; what was missed must be loaded. */
  | { type: 'events-resumed' };

export const EVENTS_PORT = 'collab-desk-events';
