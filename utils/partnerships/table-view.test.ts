import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countByStatus, createRowFilter, filterRows, tableRows } from './table-view';
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

describe('createRowFilter', () => {
  const creator = fc.record({
    creatorUsername: fc.option(fc.stringMatching(/^[ab._]{0,5}$/), { nil: undefined }),
    creatorId: fc.option(fc.stringMatching(/^[12]{0,4}$/), { nil: undefined }),
    status: fc.constantFrom('APPROVED', 'PENDING', 'REVOKED'),
  });
  const query = fc.record({ search: fc.stringMatching(/^@?[abAB._12 ]{0,4}$/), status: fc.constantFrom('', 'APPROVED', 'PENDING') });

  it('answers every search as filterRows does, whatever was searched before, in order, on one list or a new one', () => {
    fc.assert(
      fc.property(fc.array(creator, { maxLength: 30 }), fc.array(fc.tuple(query, fc.boolean()), { maxLength: 25 }), (list, searches) => {
        const filter = createRowFilter(3);
        let sorted = list;
        for (const [next, newList] of searches) {
          if (newList) sorted = [...sorted].reverse();
          expect(filter(sorted, next)).toEqual(filterRows(sorted, next));
        }
      }),
    );
  });

  it('looks only among the matches of the search typed before, and answers a search typed back from memory', () => {
    const list = Array.from({ length: 1_000 }, (_, index) => ({ creatorUsername: `creator${index}`, status: 'APPROVED' }));
    let looked = 0;
    const counted = new Proxy(list, {
      get: (target, key, receiver) => {
        if (key === 'filter') looked += target.length;
        return Reflect.get(target, key, receiver);
      },
    });
    const filter = createRowFilter();
    const search = (text: string) => filter(counted, { search: text, status: '' });
    expect(search('creator9')).toHaveLength(111);
    expect(search('creator99')).toHaveLength(11);
    expect(search('creator9')).toHaveLength(111);
    // Only the first search read the whole list.
    expect(looked).toBe(1_000);
  });

  it('answers the very rows it looked among when a search leaves none of them out, so the table has nothing to redraw', () => {
    const sorted = [
      { creatorUsername: 'maya.one', status: 'APPROVED' },
      { creatorUsername: 'leo', status: 'PENDING' },
      { creatorUsername: 'maya.two', status: 'PENDING' },
    ];
    const filter = createRowFilter();
    const search = (text: string, status = '') => filter(sorted, { search: text, status });
    expect(search('')).toBe(sorted);
    const ma = search('ma');
    expect(ma.map((row) => row.creatorUsername)).toEqual(['maya.one', 'maya.two']);
    expect(search('maya')).toBe(ma);
    expect(search('maya.')).toBe(ma);
    expect(search('maya.t')).toEqual([sorted[2]]);
    expect(search('', 'PENDING')).toEqual([sorted[1], sorted[2]]);
  });
});
