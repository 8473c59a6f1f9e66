/** The database's name and schema version, apart from the schema so a page can peek without loading it (utils/cache/cache-peek.ts). */
export const DB_NAME = 'collab-desk';

/**
 * 1: graph-cache. 2: actions (single sends and revokes). 3: jobs, job-items, audit.
 * 4: single sends and revokes are jobs of one; kept actions move into jobs, `actions` goes;
 *    cache keys are written as data (the cache starts empty).
 * 5: graph-cache indexed by when entries were fetched, so the oldest are trimmed first.
 * 6: watch (what the approvals watch saw last, per brand) and watch-news (what changed since).
 * 7: notes (the person's end dates and campaigns, per brand and creator).
 * 8: job-items lose their index by job (a job's items are a range of their key [jobId, index]).
 * 9: claims (which job holds each creator, per brand and kind of action).
 */
export const DB_VERSION = 9;
