import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleGraphCall, metaErrorBody, toJsonText, type GraphCall, type GraphResult } from './graph-routes';
import { answerLoginDialog } from './login-dialog';
import { SimulatorState, type SimulatorControls, type WorldOptions } from './state';

export interface RunningSimulator {
  url: string;
  state: SimulatorState;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-expose-headers': 'x-app-usage, x-business-use-case-usage',
};
const MAX_BATCH = 50;

/** Starts the Graph API simulator: Graph endpoints, the login dialog and /__sim controls on one port. */
export async function startSimulator(options: { port?: number; host?: string; world?: WorldOptions } = {}): Promise<RunningSimulator> {
  const state = new SimulatorState(options.world);
  const server = createServer((request, response) => {
    handle(state, request, response).catch((error: unknown) => {
      sendJson(response, 500, { error: { message: `Simulator fault: ${String(error)}`, code: 1 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(state: SimulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS).end();
    return;
  }
  const body = await readBody(request);
  if (url.pathname.startsWith('/__sim/')) {
    handleControl(state, method, url.pathname.slice('/__sim/'.length), body, response);
    return;
  }
  const generation = state.generation;
  if (state.controls.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.controls.latencyMs));
  if (generation !== state.generation) {
    response.destroy();
    return;
  }

  const versionMatch = url.pathname.match(/^\/(v\d+\.\d+)(\/.*)?$/);
  const version = versionMatch?.[1];
  const path = (versionMatch ? (versionMatch[2] ?? '/') : url.pathname).replace(/^\/+|\/+$/g, '');
  const query = Object.fromEntries(url.searchParams);
  const baseUrl = `${url.origin}${version ? `/${version}` : ''}`;

  if (path === 'dialog/oauth' || path === 'dialog/oauth/confirm') {
    state.log.push({ at: Date.now(), method, path, query, params: {}, status: 200 });
    const answer = answerLoginDialog(state, query, path.endsWith('confirm'), `${baseUrl}/dialog/oauth/confirm`);
    if ('redirect' in answer) response.writeHead(302, { location: answer.redirect }).end();
    else response.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(answer.html);
    return;
  }

  // The network is gone: nothing reaches Meta, the connection just drops.
  if (state.controls.networkDown) {
    state.log.push({ at: Date.now(), method, path, query: withoutToken(query), params: {}, status: 0 });
    response.destroy();
    return;
  }
  const params = parseParams(body, request.headers['content-type']);
  const token = bearer(request.headers.authorization) ?? params.access_token ?? query.access_token;
  if (method === 'POST' && path === '' && params.batch !== undefined) {
    handleBatch(state, { params, token, baseUrl }, response);
    return;
  }
  const call: GraphCall = { method, path, query: withoutToken(query), params: withoutToken(params), token, baseUrl };
  const result = handleGraphCall(state, call);
  logCall(state, call, result);
  deliver(state, response, result.status, result.body, result.headers);
}

/**
 * A Graph answer, or with `loseAnswers` the start of one and then a dropped connection: Meta
 * acted, the caller never learns how (some bytes arrived, so the browser does not send it again).
 */
function deliver(
  state: SimulatorState,
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  state.answersGiven += 1;
  const { loseAnswers, lostAnswerRate, loseEveryNthAnswer } = state.controls;
  const lost =
    loseAnswers ||
    (lostAnswerRate > 0 && state.random() < lostAnswerRate) ||
    (loseEveryNthAnswer > 0 && state.answersGiven % loseEveryNthAnswer === 0);
  if (!lost) {
    sendJson(response, status, body, headers);
    return;
  }
  const text = toJsonText(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...CORS_HEADERS,
    ...headers,
    'content-length': String(text.length + 64),
  });
  response.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => response.destroy());
}

function handleBatch(
  state: SimulatorState,
  request: { params: Record<string, string>; token?: string; baseUrl: string },
  response: ServerResponse,
): void {
  let items: Array<{ method?: string; relative_url?: string; body?: string }>;
  try {
    items = JSON.parse(request.params.batch!);
    if (!Array.isArray(items)) throw new Error('not an array');
  } catch {
    sendJson(response, 400, metaErrorBody(100, '(#100) The parameter batch must be a JSON array'));
    return;
  }
  const batchEntry = { at: Date.now(), method: 'POST', path: '', query: {}, params: {}, batchSize: items.length, status: 200 };
  state.log.push(batchEntry);
  if (items.length > MAX_BATCH) {
    batchEntry.status = 400;
    sendJson(response, 400, metaErrorBody(1, `(#1) Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`));
    return;
  }
  const answers = items.map((item, batchIndex) => {
    const relative = new URL(`http://batch/${(item.relative_url ?? '').replace(/^\/+/, '').replace(/^v\d+\.\d+\//, '')}`);
    const params = parseParams(item.body ?? '', 'application/x-www-form-urlencoded');
    const query = Object.fromEntries(relative.searchParams);
    const call: GraphCall = {
      method: (item.method ?? 'GET').toUpperCase(),
      path: relative.pathname.replace(/^\/+|\/+$/g, ''),
      query: withoutToken(query),
      params: withoutToken(params),
      token: params.access_token ?? query.access_token ?? request.token,
      baseUrl: request.baseUrl,
    };
    const result = handleGraphCall(state, call);
    logCall(state, call, result, batchIndex);
    if (state.controls.batchNullRate > 0 && state.random() < state.controls.batchNullRate) return null;
    const unreadable =
      call.method === 'GET' &&
      result.status === 200 &&
      state.controls.batchUnreadableRate > 0 &&
      state.random() < state.controls.batchUnreadableRate;
    return {
      code: result.status,
      headers: Object.entries({ 'content-type': 'application/json; charset=UTF-8', ...result.headers }).map(([name, value]) => ({
        name,
        value,
      })),
      body: unreadable ? '<html>upstream timeout</html>' : toJsonText(result.body),
    };
  });
  deliver(state, response, 200, answers);
}

function handleControl(state: SimulatorState, method: string, action: string, body: string, response: ServerResponse): void {
  const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  switch (`${method} ${action}`) {
    case 'POST reset':
      state.reset(input as WorldOptions);
      break;
    case 'POST controls':
      Object.assign(state.controls, input as Partial<SimulatorControls>);
      break;
    case 'POST throttle':
      state.throttle = input.code
        ? { code: input.code as 4, afterCalls: Number(input.afterCalls ?? 0), durationMs: Number(input.durationMs ?? 60_000) }
        : undefined;
      break;
    case 'POST expire-tokens':
      state.expireAllTokens();
      break;
    case 'POST permission-status': {
      const brand = state.world.pages.find((page) => page.instagram?.username === input.brand)?.instagram;
      const creator = state.findOrCreateCreator({ username: String(input.creator ?? '') });
      if (!brand || !creator) {
        sendJson(response, 404, { error: 'unknown brand or creator' });
        return;
      }
      const existing = state.world.permissions.find((p) => p.brandIgId === brand.id && p.creatorId === creator.id);
      if (existing) existing.status = String(input.status);
      else
        state.world.permissions.push({
          id: state.nextId('perm_'),
          brandIgId: brand.id,
          creatorId: creator.id,
          status: String(input.status),
          createdTime: new Date().toISOString(),
        });
      break;
    }
    case 'GET log':
      sendJson(response, 200, state.log);
      return;
    case 'DELETE log':
      state.log = [];
      break;
    case 'GET asks':
      sendJson(response, 200, [...state.asks.values()]);
      return;
    case 'GET content':
      sendJson(response, 200, state.content);
      return;
    case 'GET world':
      sendJson(response, 200, state.world);
      return;
    default:
      sendJson(response, 404, { error: `unknown control ${method} ${action}` });
      return;
  }
  sendJson(response, 200, { controls: state.controls, throttle: state.throttle ?? null });
}

function logCall(state: SimulatorState, call: GraphCall, result: GraphResult, batchIndex?: number): void {
  const errorCode = (result.body as { error?: { code?: number } } | null)?.error?.code;
  state.log.push({
    at: Date.now(),
    method: call.method,
    path: call.path,
    query: call.query,
    params: call.params,
    batchIndex,
    status: result.status,
    errorCode,
    applied: result.applied,
  });
}

function withoutToken(values: Record<string, string>): Record<string, string> {
  const { access_token: _token, ...rest } = values;
  return rest;
}

function bearer(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(.+)$/i)?.[1];
}

function parseParams(body: string, contentType: string | undefined): Record<string, string> {
  if (!body) return {};
  if (contentType?.includes('application/json')) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(parsed).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
    );
  }
  return Object.fromEntries(new URLSearchParams(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers }).end(toJsonText(body));
}
