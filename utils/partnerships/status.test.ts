import { describe, expect, it } from 'vitest';
import { canRevoke, canSend, noActionReason, planStep, statusWord, tookEffect } from './status';
import { inEnglish } from '../i18n/in-english';

describe('status vocabulary', () => {
  it.each([
    // status, word, Revoke offered, Send offered
    ['APPROVED', 'Approved', true, false],
    ['approved', 'Approved', true, false],
    ['PENDING', 'Pending', true, false],
    ['Pending', 'Pending', true, false],
    ['PENDING_APPROVAL', 'Pending', true, false],
    ['pending approval', 'Pending', true, false],
    ['REVOKED', 'Revoked', false, true],
    ['REJECTED', 'Rejected', false, true],
    ['CANCELED', 'Canceled', false, true],
    ['Cancelled', 'Canceled', false, true],
    ['expired', 'Expired', false, true],
    ['SELF_REMOVED', 'Removed by creator', false, true],
    ['1', 'Pending', true, false],
    ['2', 'Approved', true, false],
    ['7', 'Approved', true, false],
    ['3', 'Rejected', false, true],
    ['4', 'Revoked', false, true],
    ['5', 'Removed by creator', false, true],
    ['6', 'Canceled', false, true],
    [undefined, 'Not requested', false, true],
    ['IN_REVIEW', 'IN_REVIEW', false, false],
    ['42', '42', false, false],
    ['', 'No status given', false, false],
  ])('%s reads %s (Revoke %s, Send %s)', (status, word, revocable, sendable) => {
    expect(inEnglish.say(statusWord(status))).toBe(word);
    expect(canRevoke(status)).toBe(revocable);
    expect(canSend(status)).toBe(sendable);
  });

  it('explains why a status it does not know offers no action, and only then', () => {
    expect(inEnglish.say(noActionReason('IN_REVIEW'))).toContain('does not know (IN_REVIEW)');
    expect(noActionReason('PENDING_APPROVAL')).toBeUndefined();
    expect(noActionReason(undefined)).toBeUndefined();
  });
});

describe('planStep', () => {
  it.each([
    ['send', undefined, true, 'New request'],
    ['send', 'APPROVED', false, 'Already approved'],
    ['send', 'PENDING_APPROVAL', false, 'Already pending'],
    ['send', 'pending', false, 'Already pending'],
    ['send', 'REJECTED', true, 'Request again (was Rejected)'],
    ['send', 'SELF_REMOVED', true, 'Request again (was Removed by creator)'],
    ['send', 'IN_REVIEW', false, 'Not sent: unknown status IN_REVIEW'],
    ['revoke', 'APPROVED', true, 'Revoke (Approved)'],
    ['revoke', 'PENDING_APPROVAL', true, 'Revoke (Pending)'],
    ['revoke', 'REVOKED', false, 'Nothing to revoke (Revoked)'],
    ['revoke', undefined, false, 'Nothing to revoke (Not requested)'],
    ['revoke', 'IN_REVIEW', false, 'Nothing to revoke (IN_REVIEW)'],
  ] as const)('%s to a creator with status %s: run %s, "%s"', (kind, status, run, note) => {
    const step = planStep(kind, status);
    expect({ run: step.run, note: inEnglish.say(step.note) }).toEqual({ run, note });
  });
});

describe('tookEffect', () => {
  it.each([
    ['send', 'PENDING', true],
    ['send', 'PENDING_APPROVAL', true],
    ['send', 'APPROVED', true],
    ['send', undefined, false],
    ['send', 'REVOKED', false],
    ['send', 'IN_REVIEW', false],
    ['revoke', 'REVOKED', true],
    ['revoke', 'CANCELED', true],
    ['revoke', 'APPROVED', false],
    ['revoke', 'PENDING_APPROVAL', false],
    ['revoke', undefined, false],
  ] as const)('an interrupted %s, status now %s: took effect %s', (kind, status, expected) => {
    expect(tookEffect(kind, status)).toBe(expected);
  });
});
