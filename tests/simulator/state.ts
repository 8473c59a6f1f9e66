import { createContentWorld, type SimContentWorld } from './content-data';
import { createDemoWorld, seededRandom, type AgencyWorld, type DemoWorld, type SimCreator } from './demo-data';

/** Knobs a test (or the demo) can turn over HTTP; see docs/simulator.md. */
export interface SimulatorControls {
  /** App IDs the login dialog accepts. */
  appIds: string[];
  /** Exact redirect URIs the dialog accepts; empty means any chromiumapp.org / allizom.org URI. */
  redirectUris: string[];
  /** auto: redirect at once; needs-click: show a Continue button; deny: the user cancels; wrong-state: echo another state. */
  loginBehavior: 'auto' | 'needs-click' | 'deny' | 'wrong-state';
  /** Permissions the user declines in the dialog (reported as declined by /me/permissions). */
  declinedPermissions: string[];
  tokenTtlSeconds: number;
  /** Added to every HTTP response, in milliseconds. */
  latencyMs: number;
  /** Share of Graph calls (batch items included) that fail with a transient error (code 2). */
  failureRate: number;
  /** Share of batch items that come back null, as when a batch times out. */
  batchNullRate: number;
  /** Share of successful GET batch items whose body is not JSON (a 200 that says nothing readable). */
  batchUnreadableRate: number;
  /** Share of sends and revokes Meta applies and then answers with a transient error (code 2, HTTP 500). */
  appliedFailureRate: number;
  /** Page size when the caller gives no limit. */
  defaultPageSize: number;
  /** Which of Meta's documented field sets branded_content_ad_permissions returns. */
  permissionFieldVariant: 'reference' | 'guide' | 'sdk';
  /** Calls a usage window allows: 100 % in the usage headers (each batch item counts). */
  callsPerMinuteBudget: number;
  /** The rolling window usage is counted over (Meta's is an hour; a minute by default here, shorter for the benchmark). */
  usageWindowMs: number;
  /**
   * Meta refuses calls past the budget (code 4, "Application request limit reached") until
   * the window has room again. Off by default, so tests that only read the usage headers
   * are not throttled by the calls of the tests before them.
   */
  enforceBudget: boolean;
  /** Usernames that POST send rejects as not found / not eligible (code 100). */
  rejectedCreators: string[];
  /** Sends and revokes are refused with code 368: the account is temporarily blocked for policy reasons. */
  policyBlocked: boolean;
  /** The list edge ignores its creator_username filter and answers with the whole list (as before Meta added it). */
  ignoreCreatorFilter: boolean;
  /**
   * consumer: the classic dialog (scope). business: Facebook Login for Business, whose dialog
   * needs a config_id and says "It looks like this app isn't available" without one.
   */
  appType: 'consumer' | 'business';
  /** Login for Business configurations: ID -> the permissions it grants (all or none). */
  loginConfigs: Record<string, string[]>;
  /** A fault: list pages always point to the same next cursor, as a looping API would. */
  repeatPagingCursor: boolean;
  /**
   * What a send to a creator whose request already stands (pending or approved) does. Meta's
   * documents promise no refusal: `accept` (the default) applies it again, and the creator is
   * asked again (counted in `asks`); `refuse` answers code 100 "already pending".
   */
  repeatSends: 'accept' | 'refuse';
  /** A fault: every Graph answer is lost after Meta acted (the connection drops mid-answer). */
  loseAnswers: boolean;
  /** Share of Graph answers lost after Meta acted, at random (as loseAnswers, for some of them). */
  lostAnswerRate: number;
  /** Every Nth Graph answer is lost after Meta acted (0: none): a share of losses that chance cannot skip. */
  loseEveryNthAnswer: number;
  /** A fault: the network is gone; no Graph request reaches Meta (the connection drops at once). */
  networkDown: boolean;
  /** The content edge refuses upper-case filter values with code 100 (as one of Meta's sources says it does). */
  refuseUpperCaseFilters: boolean;
}

export interface ThrottleRule {
  code: 4 | 17 | 32 | 613 | 80002;
  /** Calls still allowed before the window opens. */
  afterCalls: number;
  durationMs: number;
  startedAt?: number;
}

export interface IssuedToken {
  userId: string;
  /** Granted permissions. */
  scopes: string[];
  declined: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface LogEntry {
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  params: Record<string, string>;
  /** Index inside a batch request, when the call was one item of a batch. */
  batchIndex?: number;
  /** Number of items when the call was a whole batch request. */
  batchSize?: number;
  status: number;
  errorCode?: number;
  /** A send or revoke that changed the world, whatever the answer said (see appliedFailureRate). */
  applied?: boolean;
}

export const DEFAULT_APP_ID = '1234567890123456';

export function defaultControls(): SimulatorControls {
  return {
    appIds: [DEFAULT_APP_ID],
    redirectUris: [],
    loginBehavior: 'auto',
    declinedPermissions: [],
    tokenTtlSeconds: 7200,
    latencyMs: 0,
    failureRate: 0,
    batchNullRate: 0,
    batchUnreadableRate: 0,
    appliedFailureRate: 0,
    defaultPageSize: 25,
    permissionFieldVariant: 'reference',
    rejectedCreators: [],
    policyBlocked: false,
    ignoreCreatorFilter: false,
    callsPerMinuteBudget: 600,
    usageWindowMs: 60_000,
    enforceBudget: false,
    appType: 'consumer',
    loginConfigs: {
      [DEFAULT_LOGIN_CONFIG_ID]: ['pages_show_list', 'business_management', 'instagram_basic', 'instagram_branded_content_ads_brand'],
    },
    repeatPagingCursor: false,
    repeatSends: 'accept',
    loseAnswers: false,
    lostAnswerRate: 0,
    loseEveryNthAnswer: 0,
    networkDown: false,
    refuseUpperCaseFilters: false,
  };
}

export const DEFAULT_LOGIN_CONFIG_ID = '818181818181818';

/** What a status means to the simulator's own rules (Meta's list writes it in many ways). */
export function simStatusKind(status: string): 'pending' | 'approved' | 'other' {
  const name = status.trim().toUpperCase();
  if (name === 'PENDING' || name === 'PENDING_APPROVAL' || name === '1') return 'pending';
  if (name === 'APPROVED' || name === '2' || name === '7') return 'approved';
  return 'other';
}

export interface WorldOptions {
  seed?: number;
  creators?: number;
  extraPages?: number;
  /** Adds @northwind.outdoor records written in every variant Meta's sources show (VARIANT_RECORDS). */
  variants?: boolean;
  /** Many brand accounts with many creators each (the benchmark's big-account world). */
  agency?: AgencyWorld;
}

export class SimulatorState {
  world: DemoWorld;
  /** The brands' partnership content and businesses (content-data.ts). */
  content: SimContentWorld;
  controls: SimulatorControls = defaultControls();
  throttle: ThrottleRule | undefined;
  tokens = new Map<string, IssuedToken>();
  codes = new Map<string, { challenge?: string; redirectUri: string; clientId: string; scopes: string[]; declineNone?: boolean }>();
  log: LogEntry[] = [];
  /** Every send Meta applied, per brand and creator: each one reached the creator's inbox (`GET /__sim/asks`). */
  asks = new Map<string, { brandIgId: string; creatorId: string; username: string; count: number }>();
  random: () => number;
  /** Graph answers given so far (loseEveryNthAnswer counts them). */
  answersGiven = 0;
  /** Bumped by reset(): requests that began before it are dropped, so tests cannot leak into each other. */
  generation = 0;
  private serial = 0;
  private callTimes: number[] = [];

  constructor(private worldOptions: WorldOptions = {}) {
    this.world = createDemoWorld(worldOptions);
    this.content = createContentWorld(this.world);
    this.random = seededRandom(worldOptions.seed ?? 7);
  }

  reset(worldOptions: WorldOptions = this.worldOptions): void {
    this.worldOptions = worldOptions;
    this.generation += 1;
    this.world = createDemoWorld(worldOptions);
    this.content = createContentWorld(this.world);
    this.random = seededRandom(worldOptions.seed ?? 7);
    this.controls = defaultControls();
    this.throttle = undefined;
    this.tokens.clear();
    this.codes.clear();
    this.log = [];
    this.answersGiven = 0;
    this.asks.clear();
    this.callTimes = [];
  }

  /** A send Meta applied: the creator was asked (again, when a request already stood). */
  countAsk(brandIgId: string, creator: SimCreator): void {
    const key = `${brandIgId}/${creator.id}`;
    const ask = this.asks.get(key) ?? { brandIgId, creatorId: creator.id, username: creator.username, count: 0 };
    ask.count += 1;
    this.asks.set(key, ask);
  }

  nextId(prefix: string): string {
    this.serial += 1;
    return `${prefix}${Date.now().toString(36)}${this.serial}`;
  }

  /** declineNone: a Login for Business configuration is granted whole (no permission can be declined). */
  issueToken(scopes: string[], options: { declineNone?: boolean } = {}): { token: string; expiresIn: number } {
    const token = `SIM${this.nextId('tok')}${Math.floor(this.random() * 1e9).toString(36)}`;
    const unique = [...new Set(scopes)];
    const declined = options.declineNone ? [] : this.controls.declinedPermissions;
    this.tokens.set(token, {
      userId: this.world.user.id,
      scopes: unique.filter((scope) => !declined.includes(scope)),
      declined: unique.filter((scope) => declined.includes(scope)),
      expiresAt: Date.now() + this.controls.tokenTtlSeconds * 1000,
      revoked: false,
    });
    return { token, expiresIn: this.controls.tokenTtlSeconds };
  }

  expireAllTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = Date.now() - 1000;
  }

  /** Counts one Graph call for usage headers and throttling; returns the active throttle, if any. */
  countCall(now = Date.now()): ThrottleRule | undefined {
    const windowMs = this.controls.usageWindowMs;
    while (this.callTimes.length > 0 && this.callTimes[0]! <= now - windowMs) this.callTimes.shift();
    if (this.controls.enforceBudget && this.callTimes.length >= this.controls.callsPerMinuteBudget) {
      // Refused, and not counted: the window has room again when its oldest call leaves it.
      return { code: 4, afterCalls: 0, durationMs: this.callTimes[0]! + windowMs - now, startedAt: now };
    }
    this.callTimes.push(now);
    const rule = this.throttle;
    if (!rule) return undefined;
    if (rule.startedAt === undefined) {
      if (rule.afterCalls > 0) {
        rule.afterCalls -= 1;
        return undefined;
      }
      rule.startedAt = now;
    }
    if (now - rule.startedAt < rule.durationMs) return rule;
    this.throttle = undefined;
    return undefined;
  }

  /** Percent of the budget used in the usage window. */
  usagePercent(now = Date.now()): number {
    const recent = this.callTimes.filter((time) => time > now - this.controls.usageWindowMs).length;
    const percent = Math.min(100, Math.round((recent / this.controls.callsPerMinuteBudget) * 100));
    if (this.throttle?.startedAt !== undefined && now - this.throttle.startedAt < this.throttle.durationMs) return 100;
    return percent;
  }

  findCreator(by: { id?: string; username?: string }): SimCreator | undefined {
    const username = by.username?.toLowerCase();
    return this.world.creators.find((creator) => (by.id && creator.id === by.id) || (username && creator.username === username));
  }

  /** Any well-formed username is a creator in the demo world, except rejected ones and those starting with "ghost". */
  findOrCreateCreator(by: { id?: string; username?: string }): SimCreator | undefined {
    const found = this.findCreator(by);
    if (found) return found;
    const username = by.username?.toLowerCase();
    if (!username || username.startsWith('ghost') || !/^[a-z0-9._]{1,30}$/.test(username)) return undefined;
    const creator: SimCreator = {
      id: `178414600${String(this.world.creators.length).padStart(8, '0')}`,
      username,
      fbPageId: `1000990${String(this.world.creators.length).padStart(8, '0')}`,
    };
    this.world.creators.push(creator);
    return creator;
  }
}
