import { createHash } from 'node:crypto';
import type { SimPage, SimPermission } from './demo-data';
import { simStatusKind, type IssuedToken, type SimulatorState } from './state';
import { routeContent } from './content-routes';

/** One Graph API call, whether it came as its own HTTP request or as an item of a batch. */
export interface GraphCall {
  method: string;
  /** Path without the version, without a leading slash: "me/accounts". */
  path: string;
  query: Record<string, string>;
  params: Record<string, string>;
  token: string | undefined;
  /** Origin the caller used, for building paging.next URLs. */
  baseUrl: string;
}

export interface GraphResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** True when a send or revoke changed the world (even if the answer is an error). */
  applied?: boolean;
}

const PARTNERSHIP_SCOPES = ['instagram_branded_content_ads_brand', 'instagram_basic', 'business_management'];
const PERMISSION_FIELDS = {
  reference: [
    'id',
    'creator_ig_id',
    'creator_username',
    'creator_fb_page_id',
    'brand_ig_id',
    'brand_username',
    'permission_status',
    'permission_created_time',
    'permission_url',
  ],
  guide: ['id', 'creator_username', 'creator_id', 'creator_fb_page', 'brand_ig_user', 'permission_status'],
  sdk: ['id', 'permission_type', 'status'],
} as const;
const PAGE_FIELDS = ['id', 'name', 'tasks', 'instagram_business_account', 'has_transitioned_to_new_page_experience', 'category'];

export class MetaError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function metaErrorBody(code: number, message: string, extra: Record<string, unknown> = {}): unknown {
  return {
    error: {
      message,
      type: code === 190 ? 'OAuthException' : 'GraphMethodException',
      code,
      fbtrace_id: `SIM${Math.random().toString(36).slice(2, 12)}`,
      ...extra,
    },
  };
}

const THROTTLE_MESSAGES: Record<number, string> = {
  4: '(#4) Application request limit reached',
  17: '(#17) User request limit reached',
  32: '(#32) Page request limit reached',
  613: '(#613) Calls to this api have exceeded the rate limit.',
  80002: 'There have been too many calls to this Instagram account. Wait a bit and try again.',
};

export function handleGraphCall(state: SimulatorState, call: GraphCall): GraphResult {
  const igId = call.path.match(/^(\d+)\/branded_content_ad_permissions$/)?.[1];
  const headers = usageHeaders(state, igId);
  try {
    if (call.method === 'GET' && call.path === 'oauth/access_token') return ok(exchangeCode(state, call), headers);
    const throttle = state.countCall();
    if (throttle) {
      const remainingMs = throttle.durationMs - (Date.now() - (throttle.startedAt ?? Date.now()));
      const minutes = Math.max(0, Math.ceil(remainingMs / 60_000) - (remainingMs < 60_000 ? 1 : 0));
      // Only the Instagram limit (80002) says when access returns; app and user limits do not.
      return {
        status: 400,
        body: metaErrorBody(throttle.code, THROTTLE_MESSAGES[throttle.code]!, { is_transient: true }),
        headers: usageHeaders(state, igId, throttle.code === 80002 ? minutes : undefined),
      };
    }
    if (state.controls.failureRate > 0 && state.random() < state.controls.failureRate) {
      throw new MetaError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true });
    }
    const token = authenticate(state, call.token);
    const body = route(state, call, token, igId);
    const isWrite = call.method === 'POST' && igId !== undefined;
    if (isWrite && state.controls.appliedFailureRate > 0 && state.random() < state.controls.appliedFailureRate) {
      // Meta applied the request, then failed to say so.
      return {
        status: 500,
        body: metaErrorBody(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }),
        headers,
        applied: true,
      };
    }
    return { ...ok(body, headers), applied: isWrite || undefined };
  } catch (error) {
    if (error instanceof MetaError) return { status: error.status, body: metaErrorBody(error.code, error.message, error.extra), headers };
    throw error;
  }
}

function ok(body: unknown, headers: Record<string, string>): GraphResult {
  return { status: 200, body, headers };
}

function usageHeaders(state: SimulatorState, igId: string | undefined, regainMinutes: number | undefined = 0): Record<string, string> {
  const percent = state.usagePercent();
  const headers: Record<string, string> = {
    'x-app-usage': JSON.stringify({ call_count: percent, total_time: Math.round(percent / 2), total_cputime: Math.round(percent / 3) }),
  };
  if (igId) {
    headers['x-business-use-case-usage'] = JSON.stringify({
      [igId]: [
        {
          type: 'instagram',
          call_count: percent,
          total_time: Math.round(percent / 2),
          total_cputime: Math.round(percent / 3),
          ...(regainMinutes === undefined ? {} : { estimated_time_to_regain_access: regainMinutes }),
        },
      ],
    });
  }
  return headers;
}

function authenticate(state: SimulatorState, token: string | undefined): IssuedToken {
  if (!token) throw new MetaError(400, 2500, 'An active access token must be used to query information about the current user.');
  const issued = state.tokens.get(token);
  if (!issued) throw new MetaError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  if (issued.revoked) {
    throw new MetaError(400, 190, 'Error validating access token: The user has not authorized application.', { error_subcode: 458 });
  }
  if (issued.expiresAt <= Date.now()) {
    throw new MetaError(400, 190, 'Error validating access token: Session has expired.', {
      error_subcode: 463,
      error_user_title: 'Session expired',
      error_user_msg: 'Your session has expired. Please log in again.',
    });
  }
  return issued;
}

function route(state: SimulatorState, call: GraphCall, token: IssuedToken, igId: string | undefined): unknown {
  const content = routeContent(state, call, token);
  if (content !== undefined) return content;
  const key = `${call.method} ${igId ? '{ig-id}/branded_content_ad_permissions' : call.path}`;
  switch (key) {
    case 'GET me': {
      const odd = state.world.oddAccountTypes;
      const id = odd ? new RawJsonNumber(state.world.user.id) : state.world.user.id;
      return pick({ id, name: state.world.user.name }, requestedFields(call.query.fields, ['id', 'name']));
    }
    case 'GET me/permissions':
      return {
        data: [
          ...token.scopes.map((permission) => ({ permission, status: 'granted' })),
          ...token.declined.map((permission) => ({ permission, status: 'declined' })),
        ],
      };
    case 'DELETE me/permissions':
      for (const issued of state.tokens.values()) if (issued.userId === token.userId) issued.revoked = true;
      return { success: true };
    case 'GET me/accounts':
      return listPages(state, call, token);
    case 'GET {ig-id}/branded_content_ad_permissions':
      return listPermissions(state, call, token, igId!);
    case 'POST {ig-id}/branded_content_ad_permissions':
      return call.params.revoke === 'true' ? revokePermission(state, call, token, igId!) : sendPermission(state, call, token, igId!);
    default:
      throw new MetaError(400, 100, `Unsupported ${call.method.toLowerCase()} request. Unknown path components: /${call.path}`);
  }
}

function listPages(state: SimulatorState, call: GraphCall, token: IssuedToken): unknown {
  requireScopes(token, ['pages_show_list']);
  const fields = parseFields(call.query.fields ?? 'id,name');
  const unknown = fields.find((field) => !PAGE_FIELDS.includes(field.name));
  if (unknown) throw nonexistingField(unknown.name, 'Page');
  if (fields.some((field) => field.name === 'instagram_business_account') && !token.scopes.includes('instagram_basic')) {
    throw new MetaError(400, 10, '(#10) To use the instagram_business_account field, the app needs the instagram_basic permission.');
  }
  const records = state.world.pages.map((page) => pageRecord(page, fields));
  if (!state.world.oddAccountTypes) return paginate(records, call, state.controls.defaultPageSize);
  const page = paginate(records.map(withOddTypes), call, state.controls.defaultPageSize) as { paging: { next?: string; cursors: object } };
  if (!page.paging.next) page.paging.cursors = { before: null, after: null };
  return page;
}

/** A Page record as odd as Meta's sources allow (the variant world): the numbers below 2^53 that IDs are, as JSON numbers. */
function withOddTypes(record: Record<string, unknown>, index: number): Record<string, unknown> {
  const odd: Record<string, unknown> = { ...record, id: new RawJsonNumber(String(record.id)) };
  if (index === 0 && Array.isArray(record.tasks)) odd.tasks = [...(record.tasks as unknown[]), null, 7];
  if (index === 1 && record.instagram_business_account) {
    odd.instagram_business_account = { ...(record.instagram_business_account as object), name: 42, profile_picture_url: null };
  }
  if (index === 4 && 'name' in record) odd.name = null;
  if (index === 3 && 'has_transitioned_to_new_page_experience' in record) odd.has_transitioned_to_new_page_experience = 'no';
  return odd;
}

function pageRecord(page: SimPage, fields: FieldSelection[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.name === 'id') record.id = page.id;
    if (field.name === 'name') record.name = page.name;
    if (field.name === 'category') record.category = 'Brand';
    if (field.name === 'tasks') record.tasks = page.tasks;
    if (field.name === 'has_transitioned_to_new_page_experience') record.has_transitioned_to_new_page_experience = page.newPageExperience;
    if (field.name === 'instagram_business_account' && page.instagram) {
      const ig = page.instagram;
      const full: Record<string, unknown> = { id: ig.id, username: ig.username, name: ig.name, profile_picture_url: ig.profilePictureUrl };
      record.instagram_business_account = pick(full, field.children.length > 0 ? field.children.map((c) => c.name) : ['id']);
    }
  }
  return record;
}

function brandPage(state: SimulatorState, token: IssuedToken, igId: string): SimPage {
  const page = state.world.pages.find((candidate) => candidate.instagram?.id === igId);
  if (!page) {
    throw new MetaError(
      400,
      100,
      `Unsupported request. Object with ID '${igId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { error_subcode: 33 },
    );
  }
  requireScopes(token, PARTNERSHIP_SCOPES);
  if (!page.tasks.includes('ADVERTISE') && !page.tasks.includes('MANAGE')) {
    throw new MetaError(
      403,
      200,
      '(#200) The user must have at least the ADVERTISER role on this Instagram business account to manage partnership ad permissions.',
    );
  }
  return page;
}

function listPermissions(state: SimulatorState, call: GraphCall, token: IssuedToken, igId: string): unknown {
  const page = brandPage(state, token, igId);
  const variant = state.controls.permissionFieldVariant;
  const available: readonly string[] = PERMISSION_FIELDS[variant];
  const fields = call.query.fields ? parseFields(call.query.fields).map((field) => field.name) : [...available];
  const unknown = fields.find((field) => !available.includes(field));
  if (unknown) throw nonexistingField(unknown, 'BrandedContentAdPermission');
  const filter = state.controls.ignoreCreatorFilter ? undefined : call.query.creator_username?.toLowerCase().replace(/^@/, '');
  const records = state.world.permissions
    .filter((permission) => permission.brandIgId === igId)
    .map((permission) => ({ permission, creator: state.findCreator({ id: permission.creatorId })! }))
    .filter(({ creator }) => !filter || creator.username === filter)
    // A record of the variant world is written in its own shape, whatever fields were asked for.
    .map(({ permission, creator }) =>
      permission.shape && variant === 'reference'
        ? shapedRecord(permission, creator, page)
        : pick(permissionRecord(variant, permission, creator, page), fields),
    );
  return paginate(records, call, state.controls.defaultPageSize, state.controls.repeatPagingCursor);
}

/** A JSON number of any size, written with exactly these digits (JSON.stringify cannot). */
export class RawJsonNumber {
  constructor(readonly digits: string) {}
  toJSON(): string {
    return `@@raw-number:${this.digits}@@`;
  }
}

/** JSON text in which RawJsonNumber values appear as bare numbers. */
export function toJsonText(body: unknown): string {
  return JSON.stringify(body).replace(/"@@raw-number:(-?\d+)@@"/g, '$1');
}

function shapedRecord(
  permission: SimPermission,
  creator: { id: string; username: string; fbPageId: string },
  page: SimPage,
): Record<string, unknown> {
  const brand = page.instagram!;
  const createdMs = Date.parse(permission.createdTime.replace('+0000', 'Z'));
  const reference = {
    id: permission.id,
    creator_ig_id: creator.id,
    creator_username: creator.username,
    creator_fb_page_id: creator.fbPageId,
    brand_ig_id: brand.id,
    brand_username: brand.username,
    permission_status: permission.status,
    permission_created_time: permission.createdTime,
    permission_url: `https://www.instagram.com/accounts/partnership_ads/${permission.id}/`,
  };
  switch (permission.shape) {
    case 'unix-seconds':
      return { ...reference, permission_created_time: Math.floor(createdMs / 1000) };
    case 'unix-ms':
      return { ...reference, permission_created_time: createdMs };
    case 'numeric-ids':
      return {
        ...reference,
        creator_ig_id: new RawJsonNumber(creator.id),
        brand_ig_id: new RawJsonNumber(brand.id),
        creator_fb_page_id: Number(creator.fbPageId),
      };
    case 'no-username': {
      const { creator_username: _username, ...rest } = reference;
      return rest;
    }
    case 'guide':
      return {
        id: permission.id,
        creator_username: creator.username,
        creator_id: creator.id,
        creator_fb_page: creator.fbPageId,
        brand_ig_user: { id: brand.id },
        permission_status: permission.status,
      };
    case 'sdk':
      return { id: permission.id, permission_type: 'PARTNERSHIP_AD', status: permission.status };
    case 'business-edge':
      return {
        id: permission.id,
        brand_ig_user: { id: brand.id, username: brand.username },
        creator_ig_user: { id: creator.id, username: creator.username },
        creator_linked_fb_page: { id: creator.fbPageId },
        permission_status: Number(permission.status),
        permission_created_time: Math.floor(createdMs / 1000),
      };
    case 'odd-types':
      return {
        ...reference,
        permission_created_time: { date: permission.createdTime },
        permission_url: 42,
        brand_ig_id: [brand.id],
        brand_username: null,
        extra_field: { nested: [1, 2] },
      };
    default:
      return reference;
  }
}

function permissionRecord(
  variant: SimulatorState['controls']['permissionFieldVariant'],
  permission: SimPermission,
  creator: { id: string; username: string; fbPageId: string },
  page: SimPage,
): Record<string, unknown> {
  if (variant === 'sdk') return { id: permission.id, permission_type: 'PARTNERSHIP_AD', status: permission.status };
  if (variant === 'guide') {
    return {
      id: permission.id,
      creator_username: creator.username,
      creator_id: creator.id,
      creator_fb_page: creator.fbPageId,
      brand_ig_user: { id: page.instagram!.id },
      permission_status: permission.status,
    };
  }
  return {
    id: permission.id,
    creator_ig_id: creator.id,
    creator_username: creator.username,
    creator_fb_page_id: creator.fbPageId,
    brand_ig_id: page.instagram!.id,
    brand_username: page.instagram!.username,
    permission_status: permission.status,
    permission_created_time: permission.createdTime,
    permission_url: `https://www.instagram.com/accounts/partnership_ads/${permission.id}/`,
  };
}

function creatorFromParams(state: SimulatorState, call: GraphCall, create: boolean) {
  const id = call.params.creator_instagram_account;
  const username = call.params.creator_instagram_username?.replace(/^@/, '');
  if (!id && !username)
    throw new MetaError(400, 100, '(#100) The parameter creator_instagram_account or creator_instagram_username is required');
  if (state.controls.policyBlocked) {
    throw new MetaError(400, 368, 'The action attempted has been deemed abusive or is otherwise disallowed', {
      error_user_title: 'Temporarily blocked',
      error_user_msg: 'This account is temporarily blocked from this action.',
    });
  }
  if (username && state.controls.rejectedCreators.includes(username.toLowerCase())) {
    throw new MetaError(400, 100, '(#100) This creator is not eligible for partnership ads.', {
      error_user_title: 'Creator not eligible',
      error_user_msg: `@${username} cannot receive partnership ad permission requests.`,
    });
  }
  const creator = create ? state.findOrCreateCreator({ id, username }) : state.findCreator({ id, username });
  if (!creator) {
    throw new MetaError(400, 100, `(#100) The Instagram account ${username ? `@${username}` : id} could not be found.`, {
      error_user_title: 'Creator not found',
      error_user_msg: 'Check the username and try again.',
    });
  }
  return creator;
}

function sendPermission(state: SimulatorState, call: GraphCall, token: IssuedToken, igId: string): unknown {
  brandPage(state, token, igId);
  const creator = creatorFromParams(state, call, true);
  const existing = state.world.permissions.find((p) => p.brandIgId === igId && p.creatorId === creator.id);
  const kind = existing ? simStatusKind(existing.status) : 'other';
  if (kind !== 'other' && state.controls.repeatSends === 'accept') {
    // Meta promises no refusal: the request reaches the creator again.
    state.countAsk(igId, creator);
    return { id: existing!.id };
  }
  if (kind !== 'other') {
    throw new MetaError(400, 100, `(#100) A partnership ad permission for @${creator.username} is already ${kind}.`, {
      error_user_title: kind === 'pending' ? 'Request already sent' : 'Already approved',
      error_user_msg:
        kind === 'pending' ? 'This creator has not answered your earlier request yet.' : 'This creator has already approved your brand.',
    });
  }
  state.countAsk(igId, creator);
  const createdTime = new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');
  if (existing) {
    existing.status = 'PENDING';
    existing.createdTime = createdTime;
    existing.shape = undefined;
    return { id: existing.id };
  }
  const permission = { id: state.nextId('perm_'), brandIgId: igId, creatorId: creator.id, status: 'PENDING', createdTime };
  state.world.permissions.push(permission);
  return { id: permission.id };
}

function revokePermission(state: SimulatorState, call: GraphCall, token: IssuedToken, igId: string): unknown {
  brandPage(state, token, igId);
  const creator = creatorFromParams(state, call, false);
  const existing = state.world.permissions.find((p) => p.brandIgId === igId && p.creatorId === creator.id);
  if (!existing || simStatusKind(existing.status) === 'other') {
    throw new MetaError(400, 100, `(#100) There is no active partnership ad permission for @${creator.username} to revoke.`);
  }
  existing.status = existing.shape === 'business-edge' ? '4' : 'REVOKED';
  return { id: existing.id };
}

function exchangeCode(state: SimulatorState, call: GraphCall): unknown {
  const { code, client_id: clientId, redirect_uri: redirectUri, code_verifier: verifier } = call.query;
  const grant = code ? state.codes.get(code) : undefined;
  if (!grant || grant.clientId !== clientId || grant.redirectUri !== redirectUri) {
    throw new MetaError(400, 100, 'Invalid verification code format.', { error_subcode: 36007 });
  }
  if (grant.challenge && (!verifier || sha256Base64Url(verifier) !== grant.challenge)) {
    throw new MetaError(400, 100, 'Invalid code verifier.', { error_subcode: 36008 });
  }
  state.codes.delete(code!);
  const { token, expiresIn } = state.issueToken(grant.scopes, { declineNone: grant.declineNone });
  return { access_token: token, token_type: 'bearer', expires_in: expiresIn };
}

export function sha256Base64Url(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function requireScopes(token: IssuedToken, needed: string[]): void {
  const missing = needed.filter((scope) => !token.scopes.includes(scope));
  if (missing.length > 0) {
    throw new MetaError(
      403,
      missing.includes('pages_show_list') ? 200 : 10,
      `(#${missing.includes('pages_show_list') ? 200 : 10}) Application does not have permission for this action`,
      {
        error_user_msg: `Missing permission: ${missing.join(', ')}`,
      },
    );
  }
}

function nonexistingField(field: string, node: string): MetaError {
  return new MetaError(400, 100, `(#100) Tried accessing nonexisting field (${field}) on node type (${node})`);
}

export interface FieldSelection {
  name: string;
  children: FieldSelection[];
}

/** Parses Graph's field syntax: "id,name,instagram_business_account{id,username}". */
export function parseFields(text: string): FieldSelection[] {
  const fields: FieldSelection[] = [];
  let depth = 0;
  let current = '';
  const flush = () => {
    const trimmed = current.trim();
    if (!trimmed) return;
    const brace = trimmed.indexOf('{');
    fields.push(
      brace < 0 ? { name: trimmed, children: [] } : { name: trimmed.slice(0, brace), children: parseFields(trimmed.slice(brace + 1, -1)) },
    );
    current = '';
  };
  for (const char of text) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    if (char === ',' && depth === 0) flush();
    else current += char;
  }
  flush();
  return fields;
}

function requestedFields(text: string | undefined, fallback: string[]): string[] {
  return text ? parseFields(text).map((field) => field.name) : fallback;
}

function pick(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]]));
}

function paginate(records: unknown[], call: GraphCall, defaultPageSize: number, repeatCursor = false): unknown {
  const limit = Math.min(Math.max(Number(call.query.limit) || defaultPageSize, 1), 100);
  const start = call.query.after ? Number(Buffer.from(call.query.after, 'base64').toString('utf8')) || 0 : 0;
  const slice = records.slice(start, start + limit);
  // The looping fault: every page after the first points back to the second.
  const end = repeatCursor ? Math.min(limit, records.length - 1) : start + slice.length;
  const cursor = (offset: number) => Buffer.from(String(offset)).toString('base64');
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after: cursor(end) } };
  if (end < records.length) {
    const next = new URL(`${call.baseUrl}/${call.path}`);
    for (const [name, value] of Object.entries(call.query))
      if (name !== 'after' && name !== 'access_token') next.searchParams.set(name, value);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('after', cursor(end));
    paging.next = next.toString();
  }
  return { data: slice, paging };
}
