import { describe, expect, it } from 'vitest';
import { AppError, type AppErrorKind } from '../errors';
import type { BatchAnswer } from '../graph/client';
import { CONFIRMED_WITH_META, isPassingFailure, outcomeOfAnswer, settleWithList } from './item-outcome';
import type { JobItem } from './job';
import { said } from '../i18n/said';
import { inEnglish } from '../i18n/in-english';

const item = (change: Partial<JobItem> = {}): JobItem => ({
  jobId: 'j',
  index: 0,
  username: 'maya.trails',
  state: 'in-flight',
  attempts: 0,
  updatedAt: 0,
  ...change,
});
const answer = (kind?: AppErrorKind): BatchAnswer => ({
  status: kind ? 400 : 200,
  body: {},
  usage: { percent: 0 },
  error: kind ? new AppError(kind, said('errorTemporary'), { metaMessage: `Meta: ${kind}` }) : undefined,
});

describe('outcomeOfAnswer', () => {
  it.each([
    ['a success', answer(), item(), { state: 'sent', attempts: 1 }],
    ['a lost answer', null, item(), { state: 'unknown', mayHaveReached: true, attempts: 0, refusal: undefined }],
    [
      'an answer lost for the last time',
      null,
      item({ unsureAttempts: 3 }),
      { state: 'unknown', attempts: 0, unsureAttempts: 4, refusal: 'Facebook gave no answer for this creator 4 times in a row.' },
    ],
    ['a throttle', answer('rate-limited'), item(), { state: 'queued', attempts: 0 }],
    ['a refused token', answer('session-expired'), item(), { state: 'queued', attempts: 0 }],
    ['a missing permission', answer('permission-missing'), item(), { state: 'failed', reason: 'Meta: permission-missing', attempts: 1 }],
    ['a policy block', answer('policy-blocked'), item(), { state: 'queued', attempts: 0 }],
    ['a 5xx', answer('temporary'), item(), { state: 'unknown', attempts: 1, mayHaveReached: true, unsureAttempts: 1 }],
    ['an unreadable answer', answer('unexpected-response'), item(), { state: 'unknown', attempts: 1, mayHaveReached: true }],
    [
      'a 5xx for the last time',
      answer('temporary'),
      item({ attempts: 3 }),
      { state: 'unknown', attempts: 4, refusal: 'Facebook kept failing: Meta: temporary' },
    ],
    ['a refusal', answer('invalid-request'), item(), { state: 'failed', reason: 'Meta: invalid-request', attempts: 1 }],
    [
      'a refusal after a 5xx (maybe "already requested")',
      answer('invalid-request'),
      item({ attempts: 1, mayHaveReached: true }),
      { state: 'unknown', refusal: 'Meta: invalid-request', attempts: 2 },
    ],
  ] as const)('%s in a bulk send', (_name, given, before, expected) => {
    const outcome = outcomeOfAnswer(before, given, 'send');
    expect({ ...outcome, refusal: outcome.refusal && inEnglish.say(outcome.refusal) }).toMatchObject(expected);
  });

  it('never queues an attempt that may have reached Meta: it is checked with Meta first, however often it happened', () => {
    let current = item();
    for (let attempt = 1; attempt <= 3; attempt++) {
      current = { ...current, ...outcomeOfAnswer(current, attempt === 2 ? null : answer('temporary'), 'send') };
      expect(current).toMatchObject({ state: 'unknown', mayHaveReached: true, unsureAttempts: attempt });
    }
  });

  it('a success of a revoke is Revoked', () => {
    expect(outcomeOfAnswer(item(), answer(), 'revoke')).toMatchObject({ state: 'revoked', attempts: 1 });
  });
});

describe('isPassingFailure', () => {
  it.each([
    ['a 5xx', answer('temporary'), item(), false, true],
    ['an unreadable answer', answer('unexpected-response'), item(), false, true],
    // Meta left one item unanswered among answered ones: nothing waiting would mend, so it is checked at once.
    ['an item Meta left unanswered once', null, item(), false, false],
    ['an item Meta left unanswered again', null, item({ unsureAttempts: 1 }), false, true],
    ['a batch Meta left wholly unanswered', null, item(), true, true],
    ['a success', answer(), item(), false, false],
    ['a refusal', answer('invalid-request'), item(), false, false],
  ] as const)('%s', (_name, given, before, everyItemUnanswered, expected) => {
    expect(isPassingFailure(given, before, everyItemUnanswered)).toBe(expected);
  });
});

describe('settleWithList', () => {
  it('records what really happened: done, refused, or to be sent again', () => {
    expect(
      settleWithList(item({ state: 'unknown', refusal: 'already pending' }), { status: 'PENDING_APPROVAL', creatorId: '17' }, 'send'),
    ).toMatchObject({
      state: 'sent',
      reason: CONFIRMED_WITH_META,
      creatorId: '17',
      refusal: undefined,
    });
    expect(settleWithList(item({ state: 'unknown', refusal: 'not eligible' }), undefined, 'send')).toMatchObject({
      state: 'failed',
      reason: 'not eligible',
    });
    expect(settleWithList(item({ state: 'unknown' }), { status: 'REVOKED' }, 'send')).toMatchObject({ state: 'queued' });
    expect(settleWithList(item({ state: 'unknown' }), { status: 'CANCELED' }, 'revoke')).toMatchObject({ state: 'revoked' });
  });
});
