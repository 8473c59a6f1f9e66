import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { createGraphClient } from '@/utils/graph/client';
import { pageRecordSchema, profileSchema } from '@/utils/graph/schemas';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';
import { failure } from './support/english';

const simulator = useSimulator();

function client(token: () => string, onSessionRejected = vi.fn(async () => false)) {
  return {
    graph: createGraphClient({ graphOrigin: simulator().url, apiVersion: 'v25.0', getAccessToken: async () => token(), onSessionRejected }),
    onSessionRejected,
  };
}

/** A client whose every request Meta answers with this body (shapes the simulator does not make). */
function clientAnswering(body: unknown) {
  const fetch = async () => new Response(JSON.stringify(body));
  return createGraphClient({ graphOrigin: 'https://graph.test', apiVersion: 'v25.0', getAccessToken: async () => 'token', fetch });
}

describe('Graph client against the simulator', () => {
  it.each([
    ['as a string', false],
    ['as a JSON number, every digit kept (the variant world)', true],
  ])('reads and validates a node: /me with its ID %s', async (_how, variants) => {
    simulator().state.reset({ variants });
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    const { graph } = client(() => token);
    expect(await graph.get('me', profileSchema, { searchParams: { fields: 'id,name' } })).toEqual({
      id: '10158000000000001',
      name: 'Dana Reyes',
    });
  });

  it('reads a batch whose item bodies come already parsed and whose headers come in another shape', async () => {
    const answers = [
      { code: 200, headers: { 'content-type': 'application/json' }, body: { data: [{ id: 'p1', creator_username: 'maya.trails' }] } },
      { code: 200, headers: [{ name: 'content-type', value: 'application/json' }], body: '{"data":[]}' },
      { code: 400, body: { error: { code: 100, message: '(#100) Creator not found' } } },
    ];
    const graph = clientAnswering(answers);
    const { answers: read } = await graph.batch(answers.map(() => ({ method: 'GET' as const, relativeUrl: 'x' })));
    expect(read.map((answer) => [answer?.status, answer?.body, answer?.error?.kind])).toEqual([
      [200, answers[0]!.body, undefined],
      [200, { data: [] }, undefined],
      [400, answers[2]!.body, 'invalid-request'],
    ]);
  });

  it('leaves out a list item that cannot be read at all and keeps the rest of the list', async () => {
    const pages = [{ id: '1', name: 'One' }, { name: 'No ID' }, { id: 3, name: 'Three', tasks: 'ADVERTISE' }];
    const graph = clientAnswering({ data: pages, paging: { cursors: { after: null } } });
    expect(await graph.getAll('me/accounts', pageRecordSchema)).toEqual([
      { id: '1', name: 'One' },
      { id: '3', name: 'Three' },
    ]);
  });

  it("asks a page again after Meta's temporary errors, so one passing failure does not lose a long list", async () => {
    simulator().state.reset({ extraPages: 57 });
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    const { graph } = client(() => token);
    simulator().state.controls.failureRate = 0.3;
    const pages = await graph.getAll('me/accounts', z.object({ id: z.string(), name: z.string() }), {
      searchParams: { fields: 'id,name', limit: 10 },
    });
    expect(pages).toHaveLength(62);
    const calls = simulator().state.log.filter((entry) => entry.path === 'me/accounts');
    expect(calls.filter((entry) => entry.errorCode === 2).length).toBeGreaterThan(0);
    expect(calls.filter((entry) => entry.status === 200)).toHaveLength(7);
  });

  it('follows cursor paging until Meta gives no next page', async () => {
    simulator().state.reset({ extraPages: 57 });
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    const { graph } = client(() => token);
    const pages = await graph.getAll('me/accounts', z.object({ id: z.string(), name: z.string() }), {
      searchParams: { fields: 'id,name', limit: 10 },
    });
    expect(pages).toHaveLength(62);
    expect(new Set(pages.map((page) => page.id)).size).toBe(62);
    expect(simulator().state.log.filter((entry) => entry.path === 'me/accounts')).toHaveLength(7);
  });

  it('turns an expired token into session-expired, after one renewal attempt', async () => {
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    simulator().state.expireAllTokens();
    const { graph, onSessionRejected } = client(() => token);
    expect(await failure(graph.get('me', profileSchema))).toMatchObject({ kind: 'session-expired', details: { code: 190, subcode: 463 } });
    expect(onSessionRejected).toHaveBeenCalledTimes(1);
  });

  it('retries once with the renewed token when renewal succeeds', async () => {
    const old = simulator().state.issueToken(ALL_SCOPES).token;
    simulator().state.expireAllTokens();
    let current = old;
    const { graph } = client(
      () => current,
      vi.fn(async () => {
        current = simulator().state.issueToken(ALL_SCOPES).token;
        return true;
      }),
    );
    expect(await graph.get('me', profileSchema)).toMatchObject({ name: 'Dana Reyes' });
  });

  it('reports throttling with the time access returns', async () => {
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    simulator().state.throttle = { code: 80002, afterCalls: 0, durationMs: 5 * 60_000 };
    const { graph } = client(() => token);
    const before = Date.now();
    const error = await graph.get('17841400000000001/branded_content_ad_permissions', z.unknown()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rate-limited', details: { code: 80002 } });
    const retryAt = (error as { details: { retryAt: number } }).details.retryAt;
    expect(retryAt).toBeGreaterThanOrEqual(before + 4 * 60_000);
  });

  it('names the missing permission', async () => {
    const { token } = simulator().state.issueToken(['pages_show_list', 'instagram_basic']);
    const { graph } = client(() => token);
    expect(await failure(graph.get('17841400000000001/branded_content_ad_permissions', z.unknown()))).toMatchObject({
      kind: 'permission-missing',
      message: expect.stringContaining('business_management'),
    });
  });

  it("asks a single read again after Meta's temporary errors (the login's profile read among them)", async () => {
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    const { graph } = client(() => token);
    simulator().state.controls.failureRate = 0.3;
    for (let read = 0; read < 10; read++) expect(await graph.get('me', profileSchema)).toMatchObject({ name: 'Dana Reyes' });
    const calls = simulator().state.log.filter((entry) => entry.path === 'me');
    expect(calls.filter((entry) => entry.errorCode === 2).length).toBeGreaterThan(0);
    expect(calls.filter((entry) => entry.status === 200)).toHaveLength(10);
  });

  it('says when Facebook cannot be reached', async () => {
    const graph = createGraphClient({ graphOrigin: 'http://127.0.0.1:9', apiVersion: 'v25.0', getAccessToken: async () => 'x' });
    expect(await failure(graph.get('me', profileSchema))).toMatchObject({
      kind: 'network',
      message: expect.stringContaining('Could not reach'),
    });
  });

  it('gives up on an answer that takes longer than its time limit, and says so', async () => {
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    simulator().state.controls.latencyMs = 400;
    const graph = createGraphClient({
      graphOrigin: simulator().url,
      apiVersion: 'v25.0',
      getAccessToken: async () => token,
      timeoutMs: 50,
    });
    expect(await failure(graph.get('me', profileSchema))).toMatchObject({
      kind: 'network',
      message: expect.stringContaining('did not answer in time'),
    });
  });

  it('refuses an answer of the wrong shape instead of passing it on', async () => {
    const { token } = simulator().state.issueToken(ALL_SCOPES);
    const { graph } = client(() => token);
    await expect(graph.get('me', z.object({ email: z.string() }))).rejects.toMatchObject({ kind: 'unexpected-response' });
  });
});
