import { describe, expect, it } from 'vitest';
import { sha256Base64Url } from '../simulator/graph-routes';
import { ALL_SCOPES, useSimulator } from './support/use-simulator';
import { DEFAULT_APP_ID, DEFAULT_LOGIN_CONFIG_ID } from '../simulator/state';
import { UNSAFE_CREATOR_ID, VARIANT_RECORDS } from '../simulator/demo-data';

const REDIRECT = 'https://nmdeebcjjdbnfnmldhcchnncidicmlcg.chromiumapp.org/';
const SCOPE_PARAM = ALL_SCOPES.join(',');

const simulator = useSimulator();

function dialog(params: Record<string, string>) {
  return fetch(
    `${simulator().url}/v25.0/dialog/oauth?${new URLSearchParams({ client_id: DEFAULT_APP_ID, redirect_uri: REDIRECT, state: 'st', scope: SCOPE_PARAM, ...params })}`,
    { redirect: 'manual' },
  );
}

async function login(scope = SCOPE_PARAM): Promise<string> {
  const response = await dialog({ response_type: 'token', scope });
  return new URLSearchParams(new URL(response.headers.get('location')!).hash.slice(1)).get('access_token')!;
}

function graph(path: string, token: string, init: RequestInit = {}) {
  return fetch(`${simulator().url}/v25.0/${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
}

describe('login dialog', () => {
  it('rejects an unknown app ID and a redirect URI that is not an extension URI', async () => {
    expect((await dialog({ client_id: '999' })).status).toBe(400);
    expect(await (await dialog({ client_id: '999' })).text()).toContain('Invalid App ID');
    expect((await dialog({ redirect_uri: 'https://evil.test/' })).status).toBe(400);
  });

  it('echoes the state and gives a token in the fragment', async () => {
    const location = new URL((await dialog({ response_type: 'token' })).headers.get('location')!);
    const params = new URLSearchParams(location.hash.slice(1));
    expect(params.get('state')).toBe('st');
    expect(params.get('expires_in')).toBe('7200');
    expect(params.get('access_token')).toMatch(/^SIM/);
  });

  it('runs the PKCE code flow: the code is exchanged only with the right verifier', async () => {
    const verifier = 'v'.repeat(64);
    const location = new URL(
      (await dialog({ response_type: 'code', code_challenge: sha256Base64Url(verifier), code_challenge_method: 'S256' })).headers.get(
        'location',
      )!,
    );
    const code = location.searchParams.get('code')!;
    const exchange = (codeVerifier: string) =>
      fetch(
        `${simulator().url}/v25.0/oauth/access_token?${new URLSearchParams({ client_id: DEFAULT_APP_ID, redirect_uri: REDIRECT, code, code_verifier: codeVerifier })}`,
      );
    expect((await exchange('wrong'.repeat(10))).status).toBe(400);
    const body = (await (await exchange(verifier)).json()) as { access_token: string };
    expect((await graph('me', body.access_token)).status).toBe(200);
  });

  it('can cancel, tamper with the state, or wait for a click', async () => {
    simulator().state.controls.loginBehavior = 'deny';
    expect(new URL((await dialog({})).headers.get('location')!).searchParams.get('error')).toBe('access_denied');
    simulator().state.controls.loginBehavior = 'wrong-state';
    expect(new URL((await dialog({ response_type: 'token' })).headers.get('location')!).hash).toContain('state=tampered-state');
    simulator().state.controls.loginBehavior = 'needs-click';
    const page = await dialog({ response_type: 'token' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Continue as Dana Reyes');
  });
});

describe('Graph endpoints', () => {
  it('Login for Business: a Business-type app needs config_id, which grants its whole configuration and ignores scope', async () => {
    simulator().state.controls.appType = 'business';
    simulator().state.controls.declinedPermissions = ['business_management'];
    const refused = await dialog({ response_type: 'token' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('It looks like this app isn&#39;t available');
    expect((await dialog({ response_type: 'token', config_id: '1' })).status).toBe(400);
    const location = new URL(
      (await dialog({ response_type: 'token', config_id: DEFAULT_LOGIN_CONFIG_ID, scope: 'pages_show_list' })).headers.get('location')!,
    );
    const token = new URLSearchParams(location.hash.slice(1)).get('access_token')!;
    const granted = (await (await graph('me/permissions', token)).json()) as { data: Array<{ permission: string; status: string }> };
    expect(
      granted.data
        .filter((entry) => entry.status === 'granted')
        .map((entry) => entry.permission)
        .sort(),
    ).toEqual([...ALL_SCOPES].sort());
  });

  it('reports declined permissions', async () => {
    simulator().state.controls.declinedPermissions = ['business_management'];
    const token = await login();
    const body = (await (await graph('me/permissions', token)).json()) as { data: Array<{ permission: string; status: string }> };
    expect(body.data).toContainEqual({ permission: 'business_management', status: 'declined' });
    expect(body.data).toContainEqual({ permission: 'instagram_basic', status: 'granted' });
  });

  it('lists Pages with tasks, Instagram accounts and the Page experience', async () => {
    const token = await login();
    const body = (await (
      await graph('me/accounts?fields=id,name,tasks,instagram_business_account{id,username},has_transitioned_to_new_page_experience', token)
    ).json()) as { data: Array<Record<string, unknown>> };
    expect(body.data).toHaveLength(5);
    expect(body.data[2]).toEqual({
      id: '200000000000003',
      name: 'Harbor Coffee Co.',
      tasks: ['ANALYZE'],
      instagram_business_account: { id: '17841400000000003', username: 'harborcoffee' },
      has_transitioned_to_new_page_experience: false,
    });
    expect(body.data[3]).not.toHaveProperty('instagram_business_account');
  });

  it('pages through a brand list, filters by creator and returns each documented field variant', async () => {
    const token = await login();
    const first = (await (await graph('17841400000000001/branded_content_ad_permissions?limit=100', token)).json()) as {
      data: unknown[];
      paging: { next?: string; cursors: { after: string } };
    };
    expect(first.data).toHaveLength(100);
    expect(first.paging.next).toBeDefined();
    const filtered = (await (
      await graph('17841400000000001/branded_content_ad_permissions?creator_username=MAYA.TRAILS', token)
    ).json()) as { data: Array<Record<string, unknown>> };
    expect(filtered.data.map((row) => row.creator_username)).toEqual(['maya.trails']);

    simulator().state.controls.permissionFieldVariant = 'guide';
    const guide = (await (await graph('17841400000000001/branded_content_ad_permissions?limit=1', token)).json()) as {
      data: Array<Record<string, unknown>>;
    };
    expect(Object.keys(guide.data[0]!).sort()).toEqual([
      'brand_ig_user',
      'creator_fb_page',
      'creator_id',
      'creator_username',
      'id',
      'permission_status',
    ]);
    const wrongField = await graph('17841400000000001/branded_content_ad_permissions?fields=permission_created_time', token);
    expect(((await wrongField.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('writes the variant world in every shape, IDs above 2^53 as bare JSON numbers', async () => {
    simulator().state.reset({ variants: true });
    const token = await login();
    const text = await (await graph('17841400000000001/branded_content_ad_permissions?limit=100', token)).text();
    expect(text).toContain(`"creator_ig_id":${UNSAFE_CREATOR_ID}`);
    const records = (JSON.parse(text) as { data: Array<Record<string, unknown>> }).data.slice(0, VARIANT_RECORDS.length);
    expect(records.some((record) => typeof record.permission_created_time === 'number')).toBe(true);
    expect(records.some((record) => typeof record.permission_status === 'number')).toBe(true);
    expect(records.some((record) => !('creator_username' in record) && 'creator_ig_id' in record)).toBe(true);
    expect(records.some((record) => record.permission_status === 'PENDING_APPROVAL')).toBe(true);
  });

  it('with repeatSends refuse, refuses a second request while PENDING_APPROVAL, as for PENDING', async () => {
    simulator().state.reset({ variants: true });
    simulator().state.controls.repeatSends = 'refuse';
    const token = await login();
    const response = await graph('17841400000000001/branded_content_ad_permissions', token, {
      method: 'POST',
      body: new URLSearchParams({ creator_instagram_username: 'variant.awaiting' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('already pending');
  });

  it('by default accepts a second request to a pending creator and counts the creator asked twice, as Meta may', async () => {
    const token = await login();
    const send = () =>
      graph('17841400000000001/branded_content_ad_permissions', token, {
        method: 'POST',
        body: new URLSearchParams({ creator_instagram_username: 'twice.asked' }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const asks = (await (await fetch(`${simulator().url}/__sim/asks`)).json()) as Array<{ username: string; count: number }>;
    expect(asks).toEqual([expect.objectContaining({ username: 'twice.asked', count: 2 })]);
  });

  it('loses answers after acting, and drops requests while the network is down', async () => {
    const token = await login();
    const send = (username: string) =>
      graph('17841400000000001/branded_content_ad_permissions', token, {
        method: 'POST',
        body: new URLSearchParams({ creator_instagram_username: username }),
      }).then((response) => response.text());
    simulator().state.controls.loseAnswers = true;
    await expect(send('lost.answer')).rejects.toThrow();
    simulator().state.controls.loseAnswers = false;
    simulator().state.controls.networkDown = true;
    await expect(send('never.arrived')).rejects.toThrow();
    simulator().state.controls.networkDown = false;
    expect([...simulator().state.asks.values()].map((ask) => [ask.username, ask.count])).toEqual([['lost.answer', 1]]);
  });

  it('loses every Nth answer after acting when told to', async () => {
    const token = await login();
    const send = (username: string) =>
      graph('17841400000000001/branded_content_ad_permissions', token, {
        method: 'POST',
        body: new URLSearchParams({ creator_instagram_username: username }),
      })
        .then((response) => response.text())
        .then(
          () => 'answered',
          () => 'lost',
        );
    simulator().state.answersGiven = 0;
    simulator().state.controls.loseEveryNthAnswer = 3;
    const outcomes = [];
    for (let index = 0; index < 6; index++) outcomes.push(await send(`nth.${index}`));
    expect(outcomes).toEqual(['answered', 'answered', 'lost', 'answered', 'answered', 'lost']);
    expect(simulator().state.asks.size).toBe(6);
  });

  it('with repeatSends refuse, sends, refuses a duplicate, and revokes', async () => {
    simulator().state.controls.repeatSends = 'refuse';
    const token = await login();
    const send = () =>
      graph('17841400000000001/branded_content_ad_permissions', token, {
        method: 'POST',
        body: new URLSearchParams({ creator_instagram_username: 'new.creator' }),
      });
    expect((await send()).status).toBe(200);
    expect(((await (await send()).json()) as { error: { code: number } }).error.code).toBe(100);
    const revoke = await graph('17841400000000001/branded_content_ad_permissions', token, {
      method: 'POST',
      body: new URLSearchParams({ creator_instagram_username: 'new.creator', revoke: 'true' }),
    });
    expect(revoke.status).toBe(200);
    const creator = simulator().state.findCreator({ username: 'new.creator' })!;
    expect(simulator().state.world.permissions.find((p) => p.creatorId === creator.id)?.status).toBe('REVOKED');
  });

  it('refuses partnership calls without the ADVERTISE or MANAGE task', async () => {
    const token = await login();
    const body = (await (await graph('17841400000000003/branded_content_ad_permissions', token)).json()) as { error: { code: number } };
    expect(body.error.code).toBe(200);
  });

  it('answers a batch in order, item by item, and refuses more than 50 items', async () => {
    const token = await login();
    const item = (username: string) => ({
      method: 'POST',
      relative_url: '17841400000000001/branded_content_ad_permissions',
      body: `creator_instagram_username=${username}`,
    });
    const response = await fetch(`${simulator().url}/v25.0/`, {
      method: 'POST',
      body: new URLSearchParams({
        access_token: token,
        batch: JSON.stringify([item('batch.one'), item('ghost.account'), { method: 'GET', relative_url: 'me?fields=name' }]),
      }),
    });
    const answers = (await response.json()) as Array<{ code: number; body: string }>;
    expect(answers.map((answer) => answer.code)).toEqual([200, 400, 200]);
    expect(JSON.parse(answers[1]!.body).error.code).toBe(100);
    expect(JSON.parse(answers[2]!.body)).toEqual({ name: 'Dana Reyes' });

    const tooMany = await fetch(`${simulator().url}/v25.0/`, {
      method: 'POST',
      body: new URLSearchParams({ access_token: token, batch: JSON.stringify(Array.from({ length: 51 }, (_, i) => item(`c${i}`))) }),
    });
    expect(tooMany.status).toBe(400);
  });

  it('throttles after a number of calls, with usage headers saying when access returns', async () => {
    const token = await login();
    simulator().state.throttle = { code: 80002, afterCalls: 2, durationMs: 3 * 60_000 };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await graph('17841400000000001/branded_content_ad_permissions?limit=1', token);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 400, 400]);
    const usage = JSON.parse(last!.headers.get('x-business-use-case-usage')!) as Record<
      string,
      Array<{ estimated_time_to_regain_access: number; call_count: number }>
    >;
    expect(usage['17841400000000001']![0]).toMatchObject({ estimated_time_to_regain_access: 3, call_count: 100 });
  });

  it('with the budget enforced, refuses calls past it (code 4) until its rolling window has room again', async () => {
    const token = await login();
    Object.assign(simulator().state.controls, { enforceBudget: true, callsPerMinuteBudget: 3, usageWindowMs: 400 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await graph('17841400000000001/branded_content_ad_permissions?limit=1', token)).status);
    expect(statuses).toEqual([200, 200, 200, 400]);
    const refused = await graph('17841400000000001/branded_content_ad_permissions?limit=1', token);
    expect(((await refused.json()) as { error: { code: number } }).error.code).toBe(4);
    expect(JSON.parse(refused.headers.get('x-app-usage')!)).toMatchObject({ call_count: 100 });
    // The refused calls were not counted: once the window has turned over, calls go through.
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await graph('17841400000000001/branded_content_ad_permissions?limit=1', token)).status).toBe(200);
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(`${simulator().url}/v25.0/me`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
