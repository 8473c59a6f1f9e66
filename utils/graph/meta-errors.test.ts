import { describe, expect, it } from 'vitest';
import { toAppError } from './meta-errors';
import { inEnglish } from '../i18n/in-english';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('toAppError', () => {
  it.each([
    [190, 463, 'session-expired'],
    [190, 458, 'session-expired'],
    [4, undefined, 'rate-limited'],
    [17, undefined, 'rate-limited'],
    [32, undefined, 'rate-limited'],
    [613, undefined, 'rate-limited'],
    [80002, undefined, 'rate-limited'],
    [80001, undefined, 'rate-limited'],
    [80004, undefined, 'rate-limited'],
    [80014, undefined, 'rate-limited'],
    [80015, undefined, 'unexpected-response'],
    [10, undefined, 'permission-missing'],
    [200, undefined, 'permission-missing'],
    [299, undefined, 'permission-missing'],
    [100, undefined, 'invalid-request'],
    [1, undefined, 'temporary'],
    [2, undefined, 'temporary'],
    [368, undefined, 'policy-blocked'],
    [9999, undefined, 'unexpected-response'],
  ])('code %s (subcode %s) -> %s', (code, subcode, kind) => {
    const error = toAppError({ code, error_subcode: subcode, message: 'x' }, { percent: 0 }, NOW);
    expect(error.kind).toBe(kind);
    expect(error.details.code).toBe(code);
  });

  it('says when a throttled call may be tried again', () => {
    const error = toAppError({ code: 80002, message: 'too many' }, { percent: 100, regainAccessMinutes: 5 }, NOW);
    expect(error.details.retryAt).toBe(NOW + 5 * 60_000);
    expect(inEnglish.say(error.said)).toMatch(/^Meta is limiting how fast Collab Desk may call it\. Collab Desk makes no call until /);
  });

  it("prefers Meta's words for people and drops the (#code) prefix otherwise", () => {
    expect(
      inEnglish.say(
        toAppError(
          { code: 100, message: '(#100) x', error_user_title: 'Creator not found', error_user_msg: 'Check the username.' },
          { percent: 0 },
          NOW,
        ).said,
      ),
    ).toBe('Facebook did not accept the request: Creator not found: Check the username.');
    expect(
      toAppError({ code: 100, message: '(#100) Tried accessing nonexisting field (x)' }, { percent: 0 }, NOW).details.metaMessage,
    ).toBe('Tried accessing nonexisting field (x)');
  });

  it('says so when Meta gives no words of its own', () => {
    expect(inEnglish.say(toAppError({ code: 100 }, { percent: 0 }, NOW).said)).toBe('Facebook did not accept the request: no reason given');
  });

  it('treats errors Meta marks transient as temporary', () => {
    expect(toAppError({ code: 9999, is_transient: true }, { percent: 0 }, NOW).kind).toBe('temporary');
  });
});
