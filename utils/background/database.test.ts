import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openCollabDeskDb } from './database';

/** A database exactly as release 0.1.0 (schema version 3) wrote it: a bulk job, two kept actions, an audit entry, a cache entry. */
async function writeReleaseDatabase(name: string): Promise<void> {
  const db = await openDB(name, 3, {
    upgrade(database) {
      database.createObjectStore('graph-cache', { keyPath: 'key' });
      database.createObjectStore('actions', { keyPath: 'id' }).createIndex('byBrand', 'brandIgId');
      database.createObjectStore('jobs', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
      const items = database.createObjectStore('job-items', { keyPath: ['jobId', 'index'] });
      items.createIndex('byJob', 'jobId');
      items.createIndex('byJobState', ['jobId', 'state']);
      database.createObjectStore('audit', { keyPath: 'id', autoIncrement: true });
    },
  });
  await db.put('graph-cache', { key: 'u1:access', value: { pages: [] }, fetchedAt: 1, ttlMs: 60_000 });
  await db.put('jobs', {
    id: 'job-1',
    kind: 'send',
    brandIgId: '17841400000000001',
    brandUsername: 'northwind.outdoor',
    state: 'waiting',
    waitingFor: 'login',
    waitReason: 'Session expired',
    total: 2,
    createdAt: 10,
    updatedAt: 11,
  });
  await db.put('job-items', { jobId: 'job-1', index: 0, username: 'maya.trails', state: 'sent', attempts: 1, updatedAt: 11 });
  await db.put('job-items', { jobId: 'job-1', index: 1, username: 'leo_eats', state: 'queued', attempts: 0, updatedAt: 11 });
  await db.put('actions', {
    id: '17841400000000001:send:kept.one',
    kind: 'send',
    brandIgId: '17841400000000001',
    username: 'kept.one',
    state: 'kept',
    reason: 'Meta is limiting how fast Collab Desk may call it.',
    retryAt: 99,
    createdAt: 20,
    updatedAt: 21,
  });
  await db.put('actions', {
    id: '17841400000000001:revoke:on.the.way',
    kind: 'revoke',
    brandIgId: '17841400000000001',
    username: 'on.the.way',
    creatorId: '17841450000000008',
    state: 'in-flight',
    createdAt: 30,
    updatedAt: 30,
  });
  await db.add('audit', { at: 5, brandIgId: '17841400000000001', creator: 'maya.trails', action: 'send', outcome: 'Sent', source: 'bulk' });
  db.close();
}

/** Every item of a job, by their key [jobId, index]. */
const itemsOf = (jobId: string) => IDBKeyRange.bound([jobId, -Infinity], [jobId, Infinity]);

/** Every store of the current schema. */
const EVERY_STORE = ['audit', 'claims', 'graph-cache', 'job-items', 'jobs', 'notes', 'watch', 'watch-news'];

describe('database upgrades', () => {
  it('opens a database written by the current release and keeps every job, kept action and audit entry', async () => {
    await writeReleaseDatabase('upgrade-from-3');
    const db = await openCollabDeskDb('upgrade-from-3');
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(EVERY_STORE);

    // A job's items are read as a range of their key: the index by job is gone, the one by state stays.
    expect([...db.transaction('job-items').store.indexNames]).toEqual(['byJobState']);
    expect(await db.get('jobs', 'job-1')).toMatchObject({ origin: 'bulk', state: 'waiting', waitingFor: 'login', total: 2 });
    expect((await db.getAll('job-items', itemsOf('job-1'))).map((item) => [item.username, item.state])).toEqual([
      ['maya.trails', 'sent'],
      ['leo_eats', 'queued'],
    ]);
    expect(await db.getAll('audit')).toEqual([
      { id: 1, at: 5, brandIgId: '17841400000000001', creator: 'maya.trails', action: 'send', outcome: 'Sent', source: 'bulk' },
    ]);
    // Cached Graph answers are Meta's data, fetched again: keys of the old form are dropped.
    expect(await db.getAll('graph-cache')).toEqual([]);

    // Kept actions are jobs of one now, still waiting for the person's Try again.
    const kept = await db.get('jobs', 'legacy-17841400000000001:send:kept.one');
    expect(kept).toMatchObject({
      origin: 'single',
      kind: 'send',
      state: 'paused',
      waitReason: 'Meta is limiting how fast Collab Desk may call it.',
      total: 1,
    });
    expect(await db.getAll('job-items', itemsOf(kept!.id))).toMatchObject([{ username: 'kept.one', state: 'queued' }]);
    // One that was on its way is checked against Meta before anything is sent again.
    const interrupted = await db.get('jobs', 'legacy-17841400000000001:revoke:on.the.way');
    expect(interrupted).toMatchObject({ origin: 'single', kind: 'revoke', state: 'paused' });
    expect(await db.getAll('job-items', itemsOf(interrupted!.id))).toMatchObject([
      { username: 'on.the.way', creatorId: '17841450000000008', state: 'unknown' },
    ]);
    db.close();
  });

  it('creates every store in a new database', async () => {
    const db = await openCollabDeskDb('upgrade-from-nothing');
    expect([...db.objectStoreNames].sort()).toEqual(EVERY_STORE);
    expect([...db.transaction('job-items').store.indexNames]).toEqual(['byJobState']);
    db.close();
  });
});
