import { describe, expect, it } from 'vitest';
import { createAuditLog } from '../audit/audit-log';
import { openCollabDeskDb } from '../db/database';
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
});
