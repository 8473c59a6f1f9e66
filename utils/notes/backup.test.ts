import { describe, expect, it } from 'vitest';
import { backupSchema, makeBackup, planImport } from './backup';
import { daysWaiting, endsWithin, hasEnded, isEndedTerm, matchesNoteFilters, readDay, today, waitingFor, type CreatorNote } from './note';

const note = (username: string, fields: Partial<CreatorNote> = {}): CreatorNote => ({ brandIgId: '1', username, updatedAt: 0, ...fields });

describe('notes', () => {
  it('reads calendar days and nothing else', () => {
    expect(readDay('2026-12-31')).toBe('2026-12-31');
    expect(readDay(' 2026/01/05 ')).toBe('2026-01-05');
    expect(readDay('2026-02-30')).toBeUndefined();
    expect(readDay('31/12/2026')).toBeUndefined();
    expect(readDay('')).toBeUndefined();
  });

  it('knows ended terms, terms ending soon, and days waiting', () => {
    const now = new Date(2026, 10, 23, 12).getTime();
    expect(today(now)).toBe('2026-11-23');
    expect(hasEnded({ endDate: '2026-11-22' }, today(now))).toBe(true);
    expect(hasEnded({ endDate: '2026-11-23' }, today(now))).toBe(false);
    expect(endsWithin({ endDate: '2026-11-30' }, 7, now)).toBe(true);
    expect(endsWithin({ endDate: '2026-12-01' }, 7, now)).toBe(false);
    expect(endsWithin({ endDate: '2026-11-22' }, 7, now)).toBe(false);
    expect(daysWaiting('2026-11-13T12:00:00Z', now)).toBe(10);
    expect(daysWaiting(undefined, now)).toBeUndefined();
  });

  it('decides the table filters, ended terms and the waiting mark in one place', () => {
    const now = new Date(2026, 10, 23, 12).getTime();
    const summer = { endDate: '2026-11-25', campaign: 'Summer' };
    expect(matchesNoteFilters(summer, { terms: 'ending', campaign: 'Summer' }, now)).toBe(true);
    expect(matchesNoteFilters(summer, { terms: 'ended', campaign: '' }, now)).toBe(false);
    expect(matchesNoteFilters(summer, { terms: '', campaign: 'Fall' }, now)).toBe(false);
    expect(matchesNoteFilters(undefined, { terms: '', campaign: '' }, now)).toBe(true);
    expect(isEndedTerm('approved', { endDate: '2026-11-01' }, today(now))).toBe(true);
    expect(isEndedTerm('PENDING', { endDate: '2026-11-01' }, today(now))).toBe(false);
    expect(waitingFor({ status: 'PENDING_APPROVAL', requestedAt: '2026-11-13T12:00:00Z' }, 7, now)).toBe(10);
    expect(waitingFor({ status: 'PENDING', requestedAt: '2026-11-20T12:00:00Z' }, 7, now)).toBeUndefined();
    expect(waitingFor({ status: 'APPROVED', requestedAt: '2026-01-01T00:00:00Z' }, 7, now)).toBeUndefined();
  });
});

describe('backup', () => {
  it('round-trips through JSON and the schema', () => {
    const backup = makeBackup([note('maya', { endDate: '2026-12-31', campaign: 'Summer' }), note('leo', { campaign: 'Fall' })], 0);
    const parsed = backupSchema.safeParse(JSON.parse(JSON.stringify(backup)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.notes).toEqual([
      { brandIgId: '1', username: 'maya', endDate: '2026-12-31', campaign: 'Summer' },
      { brandIgId: '1', username: 'leo', campaign: 'Fall' },
    ]);
  });

  it.each([
    ['another format', { format: 'other', version: 1, exportedAt: '', notes: [] }],
    ['a newer version', { format: 'collab-desk-notes', version: 2, exportedAt: '', notes: [] }],
    [
      'a bad date',
      { format: 'collab-desk-notes', version: 1, exportedAt: '', notes: [{ brandIgId: '1', username: 'a', endDate: '2026-13-01' }] },
    ],
    ['a bad username', { format: 'collab-desk-notes', version: 1, exportedAt: '', notes: [{ brandIgId: '1', username: 'A B' }] }],
    ['an extra field', { format: 'collab-desk-notes', version: 1, exportedAt: '', notes: [{ brandIgId: '1', username: 'a', token: 'x' }] }],
  ])('refuses %s', (_name, content) => {
    expect(backupSchema.safeParse(content).success).toBe(false);
  });

  it('adds new notes, keeps equal ones, and lists the ones that would replace different notes', () => {
    const mine = [note('maya', { campaign: 'Summer' }), note('leo', { endDate: '2026-01-01' })];
    const plan = planImport(
      mine,
      makeBackup([note('maya', { campaign: 'Summer' }), note('leo', { endDate: '2026-02-01' }), note('ivy', { campaign: 'Fall' })]),
      5,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.added.map((entry) => entry.username)).toEqual(['ivy']);
    expect(plan.replacing).toEqual([{ brandIgId: '1', username: 'leo', endDate: '2026-02-01', updatedAt: 5 }]);
  });
});
