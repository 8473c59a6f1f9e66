import { describe, expect, it } from 'vitest';
import { browser } from '@/utils/browser';
import { AppError } from '../errors';
import { MAX_CREATORS, MAX_LIST_ENTRIES } from '../bulk/limits';
import { checkUsername } from '../instagram/username';
import { said, type Said } from '../i18n/said';
import { requestSchemas } from './request-schemas';
import type { RequestType } from './protocol';
import { answerRequest, type Handlers } from './serve';
import type { SenderInfo } from './trusted-sender';

/** Every handler answers with what it was given, so a test sees the parsed (normalised) request. */
const echo = async (data: unknown) => data;
const handlers = Object.fromEntries(Object.keys(requestSchemas).map((type) => [type, echo])) as unknown as Handlers;

/** Asks the background as one of Collab Desk's own pages would; a failure is thrown as the page receives it. */
async function ask(type: string, data: unknown, sender: SenderInfo = ownPage()): Promise<unknown> {
  const answer = await answerRequest(handlers, { collabDesk: 1, type, data }, sender);
  if ('failure' in answer) throw Object.assign(new Error(answer.failure.message), answer.failure);
  return answer.reply;
}

function ownPage(): SenderInfo {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  return { id: browser.runtime.id, url: `${origin}/options.html`, origin };
}

/** The words the background answers a refused request with. */
async function refusal(type: RequestType, data: unknown): Promise<{ kind: string; said: Said }> {
  const error = await ask(type, data).then(
    () => expect.unreachable('the request was accepted'),
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ kind: expect.any(String), said: expect.any(Object) });
  return { kind: (error as AppError).kind, said: (error as AppError).said };
}

describe('request schemas (zod/mini)', () => {
  it('refuses a request type it does not know, and any sender but our pages', async () => {
    await expect(refusal('getAccessToken' as RequestType, undefined)).resolves.toEqual({
      kind: 'invalid-message',
      said: said('errorRequestNotUnderstood'),
    });
    const contentScript = { id: browser.runtime.id, url: 'https://www.instagram.com/maya/', origin: 'https://www.instagram.com' };
    await expect(ask('getAuthState', undefined, contentScript)).rejects.toMatchObject({
      kind: 'refused',
      said: said('errorRefusedSender'),
    });
  });

  it('sends a failure back as its fields: kind, words and details', async () => {
    const failing = {
      ...handlers,
      getAuthState: async () => {
        throw new AppError('rate-limited', said('errorUnknown'), { retryAt: 5 });
      },
    };
    await expect(answerRequest(failing, { collabDesk: 1, type: 'getAuthState', data: undefined }, ownPage())).resolves.toEqual({
      failure: { message: 'errorUnknown', kind: 'rate-limited', said: said('errorUnknown'), details: { retryAt: 5 } },
    });
  });

  it.each<[RequestType, unknown, unknown]>([
    ['getAuthState', undefined, undefined],
    ['connect', {}, {}],
    ['connect', { rerequest: true }, { rerequest: true }],
    ['disconnect', { deauthorize: false }, { deauthorize: false }],
    ['selectBrand', { igId: '17841400000000001' }, { igId: '17841400000000001' }],
    ['lookupCreator', { brandIgId: '1', username: ' @Maya.K ' }, { brandIgId: '1', username: 'maya.k' }],
    ['revokePartnership', { brandIgId: '1', creatorId: '2' }, { brandIgId: '1', creatorId: '2' }],
    [
      'planBulkJob',
      { brandIgId: '1', kind: 'send', usernames: ['@Dana'], invalid: [{ input: 'a b' }] },
      { brandIgId: '1', kind: 'send', usernames: ['dana'], invalid: [{ input: 'a b' }] },
    ],
    ['getBulkJob', {}, {}],
    ['startBulkJob', { jobId: 'job-1' }, { jobId: 'job-1' }],
    ['retryKeptAction', { id: 'kept-1' }, { id: 'kept-1' }],
  ])('accepts a valid %s request', async (type, data, parsed) => {
    await expect(ask(type, data)).resolves.toEqual(parsed);
  });

  it.each<[RequestType, unknown, string]>([
    ['connect', { rerequest: true, extra: 1 }, 'extra'],
    ['disconnect', { deauthorize: true, scope: 'all' }, 'scope'],
    ['selectBrand', { igId: '1', brandIgId: '1' }, 'brandIgId'],
    ['lookupCreator', { brandIgId: '1', username: 'maya', force: true }, 'force'],
    ['revokePartnership', { brandIgId: '1', creatorId: '2', extra: 1 }, 'extra'],
    ['planBulkJob', { brandIgId: '1', kind: 'send', usernames: ['maya'], invalid: [], dryRun: true }, 'dryRun'],
    ['getBulkJob', { all: true }, 'all'],
    ['saveSettings', { metaAppId: '123', secret: 'x' }, 'secret'],
  ])('refuses extra keys on a strict %s request', async (type, data, extra) => {
    const parsed = requestSchemas[type].safeParse(data);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: [extra] });
    // zod's own words never reach a page.
    expect(await refusal(type, data)).toEqual({ kind: 'invalid-message', said: said('errorRequestNotUnderstood') });
  });

  it('strips unknown keys from a non-strict invalid line (the dashboard sends only the input)', async () => {
    await expect(
      ask('planBulkJob', { brandIgId: '1', kind: 'revoke', usernames: ['maya'], invalid: [{ input: '!!', reason: 'x' }] }),
    ).resolves.toEqual({ brandIgId: '1', kind: 'revoke', usernames: ['maya'], invalid: [{ input: '!!' }] });
  });

  it.each(['maya k', '\u202Emaya', 'https://example.com/x', '', 'a'.repeat(31), 'maya..k', 'ｍaya'])(
    'says why %j is not a username, from the issue params',
    async (username) => {
      const check = checkUsername(username);
      expect(check.ok).toBe(false);
      const reason = (check as { reason: Said }).reason;
      const parsed = requestSchemas.lookupCreator.safeParse({ brandIgId: '1', username });
      expect(parsed.error?.issues[0]).toMatchObject({ code: 'custom', path: ['username'], message: reason.key, params: { said: reason } });
      expect(await refusal('lookupCreator', { brandIgId: '1', username })).toEqual({ kind: 'invalid-message', said: reason });
      expect(await refusal('planBulkJob', { brandIgId: '1', kind: 'send', usernames: ['maya', username], invalid: [] })).toEqual({
        kind: 'invalid-message',
        said: reason,
      });
    },
  );

  it('says a malformed ID by its key', async () => {
    expect(await refusal('selectBrand', { igId: '12a' })).toEqual({ kind: 'invalid-message', said: said('requestNotIgId') });
    expect(await refusal('selectBrand', { igId: '1'.repeat(31) })).toEqual({ kind: 'invalid-message', said: said('requestNotIgId') });
  });

  it('refuses a revoke that names no creator', async () => {
    expect(await refusal('revokePartnership', { brandIgId: '1' })).toEqual({ kind: 'invalid-message', said: said('requestNoCreator') });
  });

  it('trims the app and configuration IDs before checking and keeping them', async () => {
    await expect(ask('saveSettings', { metaAppId: '  1234567890 \n', loginConfigId: '\t42 ' })).resolves.toEqual({
      metaAppId: '1234567890',
      loginConfigId: '42',
    });
    await expect(ask('saveSettings', { metaAppId: '   ' })).resolves.toEqual({ metaAppId: '' });
    expect(await refusal('saveSettings', { metaAppId: 'not-digits<script>' })).toEqual({
      kind: 'invalid-message',
      said: said('settingsAppIdDigits'),
    });
    expect(await refusal('saveSettings', { metaAppId: '1', loginConfigId: '4 2' })).toEqual({
      kind: 'invalid-message',
      said: said('settingsConfigIdDigits'),
    });
  });

  it('says the most creators and lines a job takes', async () => {
    expect(
      await refusal('planBulkJob', { brandIgId: '1', kind: 'send', usernames: Array<string>(MAX_CREATORS + 1).fill('maya'), invalid: [] }),
    ).toEqual({ kind: 'invalid-message', said: said('requestTooManyCreators', { max: MAX_CREATORS }) });
    await expect(
      ask('planBulkJob', { brandIgId: '1', kind: 'send', usernames: Array<string>(MAX_CREATORS).fill('maya'), invalid: [] }),
    ).resolves.toMatchObject({ usernames: { length: MAX_CREATORS } });
    expect(
      await refusal('planBulkJob', {
        brandIgId: '1',
        kind: 'send',
        usernames: ['maya'],
        invalid: Array.from({ length: MAX_LIST_ENTRIES + 1 }, () => ({ input: 'x' })),
      }),
    ).toEqual({ kind: 'invalid-message', said: said('requestTooManyLines', { max: MAX_LIST_ENTRIES }) });
    expect(await refusal('planBulkJob', { brandIgId: '1', kind: 'send', usernames: [], invalid: [] })).toEqual({
      kind: 'invalid-message',
      said: said('requestNoCreators'),
    });
  });

  it.each<[RequestType, unknown]>([
    ['getAuthState', {}],
    ['connect', undefined],
    ['disconnect', {}],
    ['startBulkJob', { jobId: 'x'.repeat(101) }],
    ['retryKeptAction', { id: 'x'.repeat(201) }],
    ['planBulkJob', { brandIgId: '1', kind: 'delete', usernames: ['maya'], invalid: [] }],
    ['planBulkJob', { brandIgId: '1', kind: 'send', usernames: ['maya'], invalid: [{ input: 'x'.repeat(301) }] }],
    ['lookupCreator', { brandIgId: '1', username: 7 }],
  ])('refuses a malformed %s request in general words', async (type, data) => {
    expect(await refusal(type, data)).toEqual({ kind: 'invalid-message', said: said('errorRequestNotUnderstood') });
  });
});
