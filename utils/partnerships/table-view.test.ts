import { describe, expect, it } from 'vitest';
import { countByStatus, tableRows } from './table-view';
import { inEnglish } from '../i18n/in-english';
import { statusKeyWord } from './status';

const rows = [
  { creatorUsername: 'zoe', status: 'APPROVED', requestedAt: '2026-03-01T00:00:00.000Z' },
  { creatorUsername: 'adam', status: 'pending', requestedAt: '2026-01-01T00:00:00.000Z' },
  { creatorUsername: 'mia', status: 'REJECTED' },
  { creatorUsername: 'ben', status: 'APPROVED', requestedAt: '2026-02-01T00:00:00.000Z' },
];

describe('countByStatus', () => {
  it('counts per status, contract statuses first, unknown values as received', () => {
    const counts = countByStatus([
      ...rows,
      { creatorId: '17841400000000099', status: 'IN_REVIEW' },
      { creatorUsername: 'kai', status: '1' },
    ]);
    expect(counts).toEqual([
      ['APPROVED', 2],
      ['PENDING', 2],
      ['REJECTED', 1],
      ['IN_REVIEW', 1],
    ]);
    expect(counts.map(([key]) => inEnglish.say(statusKeyWord(key)))).toEqual(['Approved', 'Pending', 'Rejected', 'IN_REVIEW']);
  });
});

describe('tableRows', () => {
  it('finds a creator Meta named only by Instagram ID', () => {
    const nameless = { creatorId: '17841400000000099', status: 'APPROVED' };
    expect(tableRows([...rows, nameless], { search: '0000099', status: '', sort: 'creator', descending: false })).toEqual([nameless]);
  });

  const base = { search: '', status: '', sort: 'creator', descending: false } as const;
  it('sorts by creator, either way', () => {
    expect(tableRows(rows, base).map((row) => row.creatorUsername)).toEqual(['adam', 'ben', 'mia', 'zoe']);
    expect(tableRows(rows, { ...base, descending: true }).map((row) => row.creatorUsername)).toEqual(['zoe', 'mia', 'ben', 'adam']);
  });
  it('sorts by request date, undated first', () => {
    expect(tableRows(rows, { ...base, sort: 'requested' }).map((row) => row.creatorUsername)).toEqual(['mia', 'adam', 'ben', 'zoe']);
  });
  it('filters by status and by username, ignoring @ and case', () => {
    expect(tableRows(rows, { ...base, status: 'APPROVED' }).map((row) => row.creatorUsername)).toEqual(['ben', 'zoe']);
    expect(tableRows(rows, { ...base, search: '@ZO' }).map((row) => row.creatorUsername)).toEqual(['zoe']);
  });
});
