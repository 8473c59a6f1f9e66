import { describe, expect, it } from 'vitest';
import { planBulk } from './plan';

const current = [
  { creatorUsername: 'approved.one', status: 'APPROVED' },
  { creatorUsername: 'pending.one', status: 'pending' },
  { creatorUsername: 'revoked.one', status: 'REVOKED' },
  { creatorUsername: 'odd.one', status: 'EXPIRED' },
];
const everyone = ['approved.one', 'pending.one', 'revoked.one', 'odd.one', 'new.one'];

describe('planBulk', () => {
  it('plans a bulk send against the current list', () => {
    const plan = planBulk('send', everyone, current);
    expect(plan.steps.map((step) => [step.username, step.run, step.note])).toEqual([
      ['approved.one', false, 'Already approved'],
      ['pending.one', false, 'Already pending'],
      ['revoked.one', true, 'Request again (was Revoked)'],
      ['odd.one', true, 'Request again (was EXPIRED)'],
      ['new.one', true, 'New request'],
    ]);
    expect(plan.toRun).toBe(3);
    expect(plan.counts).toEqual([
      ['Already approved', 1],
      ['Already pending', 1],
      ['Request again (was Revoked)', 1],
      ['Request again (was EXPIRED)', 1],
      ['New request', 1],
    ]);
  });

  it('plans a bulk revoke: only approved and pending creators are revoked', () => {
    const plan = planBulk('revoke', everyone, current);
    expect(plan.steps.filter((step) => step.run).map((step) => [step.username, step.note])).toEqual([
      ['approved.one', 'Revoke (Approved)'],
      ['pending.one', 'Revoke (Pending)'],
    ]);
    expect(plan.steps.find((step) => step.username === 'new.one')?.note).toBe('Nothing to revoke (Not requested)');
  });
});
