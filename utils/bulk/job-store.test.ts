import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log';
import { openCollabDeskDb } from '../background/database';
import type { Job, JobItem } from './job';
import { createJobStore } from './job-store';

const job: Job = {
  id: 'j1',
  kind: 'send',
  origin: 'bulk',
  brandIgId: '1',
  brandUsername: 'b',
  state: 'running',
  total: 1,
  createdAt: 1,
  updatedAt: 1,
};
const item: JobItem = { jobId: 'j1', index: 0, username: 'maya.trails', state: 'in-flight', attempts: 0, updatedAt: 1 };
const entry = { id: 7, at: 2, brandIgId: '1', creator: 'maya.trails', action: 'send', outcome: 'Sent', source: 'bulk' } as const;

describe('job store', () => {
  it("writes an item's outcome and its audit entry together, or neither", async () => {
    const db = openCollabDeskDb('job-store-atomic');
    const store = createJobStore(db);
    const audit = createAuditLog(db);
    await store.create(job, [item]);
    await store.putItems([{ ...item, state: 'sent' }], [entry]);
    expect((await store.items('j1'))[0]!.state).toBe('sent');
    expect(await audit.list()).toHaveLength(1);

    // The same audit key again makes the transaction fail: the item's change must not land either.
    await expect(store.putItems([{ ...item, state: 'failed' }], [entry])).rejects.toThrow();
    expect((await store.items('j1'))[0]!.state).toBe('sent');
    expect(await audit.list()).toHaveLength(1);
  });

  it('with onlyFrom, writes only the items still in that state, and counts only what it wrote', async () => {
    const store = createJobStore(openCollabDeskDb('job-store-only-from'));
    const queued = (index: number): JobItem => ({ jobId: 'j1', index, username: `c${index}`, state: 'queued', attempts: 0, updatedAt: 1 });
    await store.create({ ...job, total: 4 }, [0, 1, 2, 3].map(queued));
    // A cancel got to item 2 first.
    await store.putItems([{ ...queued(2), state: 'skipped' }]);
    const taking = await store.putItems(
      [0, 1, 2].map((index) => ({ ...queued(index), state: 'in-flight' })),
      [],
      { onlyFrom: 'queued' },
    );
    expect(taking.written.map((item) => item.index)).toEqual([0, 1]);
    expect(taking.moved).toEqual({ queued: -2, 'in-flight': 2 });
    expect((await store.items('j1')).map((item) => item.state)).toEqual(['in-flight', 'in-flight', 'skipped', 'queued']);
  });

  it('counts moves right whether the items are neighbours or scattered', async () => {
    const store = createJobStore(openCollabDeskDb('job-store-scattered'));
    const queued = (index: number): JobItem => ({ jobId: 'j1', index, username: `c${index}`, state: 'queued', attempts: 0, updatedAt: 1 });
    const indexes = Array.from({ length: 100 }, (_, index) => index);
    await store.create({ ...job, total: 100 }, indexes.map(queued));
    const neighbours = await store.putItems([10, 11, 12, 13].map((index) => ({ ...queued(index), state: 'sent' })));
    expect(neighbours.moved).toEqual({ queued: -4, sent: 4 });
    const scattered = await store.putItems([0, 50, 99].map((index) => ({ ...queued(index), state: 'failed' })));
    expect(scattered.moved).toEqual({ queued: -3, failed: 3 });
    // A new item (never stored) only adds to its state.
    const added = await store.putItems([{ ...queued(100), state: 'skipped' }]);
    expect(added.moved).toEqual({ skipped: 1 });
    expect(await store.counts('j1')).toMatchObject({ queued: 93, sent: 4, failed: 3, skipped: 1 });
  });
});
