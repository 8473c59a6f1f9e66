import { describe, expect, it } from 'vitest';
import type { Job } from '../bulk/job';
import { badgeFor } from './badge';
import { inEnglish } from '../i18n/in-english';

const job = (state: Job['state']): Job => ({
  id: 'j',
  kind: 'send',
  origin: 'bulk',
  brandIgId: '1',
  brandUsername: 'b',
  state,
  total: 200,
  createdAt: 0,
  updatedAt: 0,
});
const counts = { queued: 100, 'in-flight': 15, unknown: 0, sent: 80, revoked: 0, failed: 3, skipped: 2 };

describe('badgeFor', () => {
  it("shows a running bulk job's progress", () => {
    const running = badgeFor({ bulk: { job: job('running'), counts }, kept: 2 });
    expect(running.text).toBe('42%');
    expect(inEnglish.say(running.title)).toBe('Collab Desk: 85 of 200 done');
    expect(inEnglish.say(badgeFor({ bulk: { job: job('waiting'), counts }, kept: 0 }).title)).toBe('Collab Desk: 85 of 200 done (waiting)');
  });

  it('else how many actions wait for the person, else nothing', () => {
    expect(badgeFor({ kept: 1 }).text).toBe('1');
    expect(inEnglish.say(badgeFor({ kept: 1 }).title)).toBe('Collab Desk: 1 action waits for you');
    expect(inEnglish.say(badgeFor({ kept: 3 }).title)).toBe('Collab Desk: 3 actions wait for you');
    expect(badgeFor({ kept: 0 }).text).toBe('');
  });
});

describe('badgeFor with the approvals watch', () => {
  it("counts the watch's news when no job or kept action needs the badge", () => {
    expect(badgeFor({ kept: 0, news: 2 }).text).toBe('2');
    expect(inEnglish.say(badgeFor({ kept: 0, news: 2 }).title)).toBe('Collab Desk: 2 creators answered');
    expect(inEnglish.say(badgeFor({ kept: 0, news: 1 }).title)).toBe('Collab Desk: 1 creator answered');
    expect(badgeFor({ kept: 1, news: 2 }).text).toBe('1');
    expect(badgeFor({ kept: 0, news: 0 }).text).toBe('');
  });
});

describe('badgeFor with ended terms', () => {
  it('counts approved terms that ended, after everything else', () => {
    expect(badgeFor({ kept: 0, ended: 3 }).text).toBe('3');
    expect(inEnglish.say(badgeFor({ kept: 0, ended: 1 }).title)).toBe('Collab Desk: 1 approved term has ended');
    expect(badgeFor({ kept: 0, news: 2, ended: 3 }).text).toBe('2');
    expect(badgeFor({ kept: 0, ended: 0 }).text).toBe('');
  });
});
