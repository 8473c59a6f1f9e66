import { describe, expect, it } from 'vitest';
import { planBulk } from './plan';
import { inEnglish } from '../i18n/in-english';

const current = [
  { creatorUsername: 'approved.one', status: 'APPROVED' },
  { creatorUsername: 'pending.one', status: 'pending' },
  { creatorUsername: 'revoked.one', status: 'REVOKED' },
  { creatorUsername: 'odd.one', status: 'EXPIRED' },
  { creatorUsername: 'waiting.one', status: 'PENDING_APPROVAL', creatorId: '17841400000000007' },
  { creatorUsername: 'unknown.one', status: 'IN_REVIEW' },
];
const everyone = ['approved.one', 'pending.one', 'revoked.one', 'odd.one', 'waiting.one', 'unknown.one', 'new.one'];

describe('planBulk', () => {
  it('plans a bulk send against the current list', () => {
    const plan = planBulk('send', everyone, current);
    expect(plan.steps.map((step) => [step.username, step.run, inEnglish.say(step.note)])).toEqual([
      ['approved.one', false, 'Already approved'],
      ['pending.one', false, 'Already pending'],
      ['revoked.one', true, 'Request again (was Revoked)'],
      ['odd.one', true, 'Request again (was Expired)'],
      ['waiting.one', false, 'Already pending'],
      ['unknown.one', false, 'Not sent: unknown status IN_REVIEW'],
      ['new.one', true, 'New request'],
    ]);
    expect(plan.toRun).toBe(3);
    expect(plan.counts.map(([note, count]) => [inEnglish.say(note), count])).toEqual([
      ['Already approved', 1],
      ['Already pending', 2],
      ['Request again (was Revoked)', 1],
      ['Request again (was Expired)', 1],
      ['Not sent: unknown status IN_REVIEW', 1],
      ['New request', 1],
    ]);
  });

  it('plans a bulk revoke: only approved and pending creators are revoked', () => {
    const plan = planBulk('revoke', everyone, current);
    expect(plan.steps.filter((step) => step.run).map((step) => [step.username, inEnglish.say(step.note)])).toEqual([
      ['approved.one', 'Revoke (Approved)'],
      ['pending.one', 'Revoke (Pending)'],
      ['waiting.one', 'Revoke (Pending)'],
    ]);
    expect(plan.steps.find((step) => step.username === 'waiting.one')?.creatorId).toBe('17841400000000007');
    expect(inEnglish.say(plan.steps.find((step) => step.username === 'new.one')?.note)).toBe('Nothing to revoke (Not requested)');
  });

  it('decides a creator listed twice by the request that still stands, whatever the order', () => {
    const older = { creatorUsername: 'twice.listed', status: 'REVOKED', requestedAt: '2025-05-01T00:00:00.000Z' };
    const newer = { creatorUsername: 'twice.listed', status: 'PENDING', requestedAt: '2026-05-01T00:00:00.000Z' };
    for (const list of [
      [older, newer],
      [newer, older],
    ]) {
      expect(inEnglish.say(planBulk('send', ['twice.listed'], list).steps[0]!.note)).toBe('Already pending');
      expect(inEnglish.say(planBulk('revoke', ['twice.listed'], list).steps[0]!.note)).toBe('Revoke (Pending)');
    }
    // Two ended requests: the newer one is the creator's status.
    const rejected = { creatorUsername: 'twice.listed', status: 'REJECTED', requestedAt: '2026-06-01T00:00:00.000Z' };
    expect(inEnglish.say(planBulk('send', ['twice.listed'], [older, rejected]).steps[0]!.note)).toBe('Request again (was Rejected)');
    expect(inEnglish.say(planBulk('send', ['twice.listed'], [rejected, older]).steps[0]!.note)).toBe('Request again (was Rejected)');
  });
});
