import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { AppError } from '../errors';
import { createGraphClient, type GraphClientOptions } from './client';
import { LONGEST_RETRY_AFTER_MS, retryAfterMs } from './http';

const TEMPORARY = { error: { code: 2, message: 'An unexpected error has occurred. Please retry your request later.' } };

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A client over a fetch that answers from a script (the last answer repeats), and every request it was given, with its body. */
function scripted(answers: Array<() => Response>, options: Partial<GraphClientOptions> = {}) {
  const requests: Request[] = [];
  const bodies: string[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push(request);
    bodies.push(await request.clone().text());
    return answers[Math.min(requests.length, answers.length) - 1]!();
  });
  const graph = createGraphClient({
    graphOrigin: 'https://graph.test',
    apiVersion: 'v25.0',
    getAccessToken: async () => 'stored-token',
    fetch: fetch as unknown as typeof globalThis.fetch,
    ...options,
  });
  return { graph, fetch, requests, bodies };
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as AppError,
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('Graph HTTP client (ky): reads are asked again after temporary errors', () => {
  it('waits as long as Retry-After says before asking a read again after a 5xx', async () => {
    vi.useFakeTimers();
    const { graph, fetch } = scripted([() => answer(500, TEMPORARY, { 'retry-after': '2' }), () => answer(200, { id: '1' })]);
    const read = graph.get('me', z.object({ id: z.string() }));
    await vi.advanceTimersByTimeAsync(1_990);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await read).toEqual({ id: '1' });
  });

  it('asks a read again after a temporary error in a 200 or 400 answer, 300 ms then 1 s later, then gives up', async () => {
    vi.useFakeTimers();
    const { graph, fetch } = scripted([() => answer(200, TEMPORARY), () => answer(400, { error: { code: 1, message: 'x' } })]);
    const read = caught(graph.get('me', z.unknown()));
    await vi.advanceTimersByTimeAsync(299);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(await read).toMatchObject({ kind: 'temporary', details: { code: 1 } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('does not ask a read again after an error that is not passing, nor after a lost connection', async () => {
    const refused = scripted([() => answer(400, { error: { code: 100, message: '(#100) No such field' } })]);
    expect(await caught(refused.graph.get('me', z.unknown()))).toMatchObject({ kind: 'invalid-request' });
    expect(refused.fetch).toHaveBeenCalledTimes(1);
    const lost = scripted([
      () => {
        throw new TypeError('fetch failed');
      },
    ]);
    expect(await caught(lost.graph.get('me', z.unknown()))).toMatchObject({ kind: 'network' });
    expect(lost.fetch).toHaveBeenCalledTimes(1);
  });

  it('reads Retry-After in seconds or as a date, and waits at most the longest allowed', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '3600' }))).toBe(LONGEST_RETRY_AFTER_MS);
    const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
    expect(retryAfterMs(new Headers({ 'retry-after': inFiveSeconds }))).toBeGreaterThan(3_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});

describe('Graph HTTP client (ky): writes are sent once', () => {
  it.each([
    ['a POST', (graph: ReturnType<typeof scripted>['graph']) => graph.post('1/branded_content_ad_permissions', z.unknown())],
    ['a DELETE', (graph: ReturnType<typeof scripted>['graph']) => graph.delete('1/branded_content_ad_permissions', z.unknown())],
    ['a batch', (graph: ReturnType<typeof scripted>['graph']) => graph.batch([{ method: 'POST', relativeUrl: '1/x' }])],
  ])('%s answered with a 500 is not sent again', async (_what, call) => {
    vi.useFakeTimers();
    const { graph, fetch } = scripted([() => answer(500, TEMPORARY, { 'retry-after': '0' })]);
    const sent = caught(call(graph));
    await vi.advanceTimersByTimeAsync(LONGEST_RETRY_AFTER_MS);
    expect(await sent).toMatchObject({ kind: 'temporary' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('Graph HTTP client (ky): hooks', () => {
  it('sends the token as a Bearer header, and in the form for a batch (the batch API’s way)', async () => {
    const { graph, requests, bodies } = scripted([() => answer(200, [{ code: 200, body: '{"success":true}' }])]);
    await graph.get('me', z.unknown(), { searchParams: { fields: 'id,name' } });
    await graph.get('me', z.unknown(), { token: 'signing-in-token' });
    await graph.batch([{ method: 'POST', relativeUrl: '1/x', body: { creator_username: 'maya' } }]);
    expect(requests.map((request) => [request.method, request.url, request.headers.get('authorization')])).toEqual([
      ['GET', 'https://graph.test/v25.0/me?fields=id%2Cname', 'Bearer stored-token'],
      ['GET', 'https://graph.test/v25.0/me', 'Bearer signing-in-token'],
      ['POST', 'https://graph.test/v25.0/', null],
    ]);
    const form = new URLSearchParams(bodies[2]);
    expect(form.get('access_token')).toBe('stored-token');
    expect(JSON.parse(form.get('batch')!)).toEqual([{ method: 'POST', relative_url: '1/x', body: 'creator_username=maya' }]);
  });

  it('reads the usage headers of every answer, an error among them', async () => {
    const onUsage = vi.fn();
    const business = JSON.stringify({ 1: [{ type: 'instagram', call_count: 40, total_time: 5, estimated_time_to_regain_access: 3 }] });
    const { graph } = scripted(
      [
        () => answer(200, {}, { 'x-app-usage': '{"call_count":12,"total_time":3,"total_cputime":1}' }),
        () => answer(400, { error: { code: 100, message: 'x' } }, { 'x-business-use-case-usage': business }),
      ],
      { onUsage },
    );
    await graph.get('me', z.unknown());
    await caught(graph.get('me', z.unknown()));
    expect(onUsage.mock.calls).toEqual([[{ percent: 12 }], [{ percent: 40, regainAccessMinutes: 3 }]]);
  });

  it('lets nothing leave while offline or while Meta’s limit lasts', async () => {
    const offline = scripted([() => answer(200, {})], { isOnline: () => false });
    expect(await caught(offline.graph.post('1/x', z.unknown()))).toMatchObject({ kind: 'network', details: { neverSent: true } });
    expect(offline.fetch).not.toHaveBeenCalled();
    const throttled = scripted([() => answer(400, { error: { code: 4, message: '(#4) Application request limit reached' } })]);
    expect(await caught(throttled.graph.get('me', z.unknown()))).toMatchObject({ kind: 'rate-limited' });
    expect(await caught(throttled.graph.get('me', z.unknown()))).toMatchObject({ kind: 'rate-limited' });
    expect(throttled.fetch).toHaveBeenCalledTimes(1);
  });

  it('sends a write once more with the renewed token when Meta rejects the token, and only then', async () => {
    let token = 'old';
    const onSessionRejected = vi.fn(async () => {
      token = 'renewed';
      return true;
    });
    const { graph, requests } = scripted(
      [() => answer(400, { error: { code: 190, error_subcode: 463, message: 'Session has expired' } }), () => answer(200, { ok: 1 })],
      { getAccessToken: async () => token, onSessionRejected },
    );
    expect(await graph.post('1/x', z.unknown())).toEqual({ ok: 1 });
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual(['Bearer old', 'Bearer renewed']);
    // A session this extension already knows is gone is not Meta's refusal: no renewal is asked for.
    const gone = scripted([() => answer(200, {})], {
      getAccessToken: async () => Promise.reject(new AppError('session-expired', { key: 'errorSessionExpired' })),
      onSessionRejected,
    });
    expect(await caught(gone.graph.get('me', z.unknown()))).toMatchObject({ kind: 'session-expired' });
    expect(onSessionRejected).toHaveBeenCalledTimes(1);
    expect(gone.fetch).not.toHaveBeenCalled();
  });

  it('turns an answer cut off mid-body into a lost answer', async () => {
    const cutOff = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":"17841400000'));
            controller.error(new TypeError('terminated'));
          },
        }),
      );
    const { graph, fetch } = scripted([cutOff]);
    expect(await caught(graph.post('1/x', z.unknown()))).toMatchObject({ kind: 'network', said: { key: 'errorNetwork' } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('gives up on a body still arriving at the time limit, and says so', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data":['));
          },
        }),
      );
    const { graph, requests } = scripted([stalled], { timeoutMs: 50 });
    expect(await caught(graph.get('me', z.unknown()))).toMatchObject({ kind: 'network', said: { key: 'errorNetworkTimeout' } });
    // The connection of the stalled body is ended, not left open.
    expect(requests[0]!.signal.aborted).toBe(true);
  });
});
