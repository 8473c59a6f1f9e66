import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ItemState, Job, JobItem } from '@/utils/bulk/job';
import type { JobProgress } from '@/utils/bulk/runner';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage } from '@/utils/messaging/protocol';

export interface BulkJobState {
  job: Job;
  /** By position in the person's list. */
  items: JobItem[];
  counts: Record<ItemState, number>;
}

/** A job's progress applied to the page's copy: only the items that changed are replaced. */
export function applyProgress(state: BulkJobState | null, progress: JobProgress): BulkJobState | null {
  if (!state || state.job.id !== progress.job.id) return state;
  let items = state.items;
  if (progress.items.length > 0) {
    items = items.slice();
    // An event may arrive after a fuller load that already has a newer copy of the item.
    for (const item of progress.items) if (!items[item.index] || items[item.index]!.updatedAt <= item.updatedAt) items[item.index] = item;
  }
  return { job: progress.job.updatedAt >= state.job.updatedAt ? progress.job : state.job, items, counts: progress.counts };
}

/** The latest bulk job and its items: loaded once, then kept current from the background's progress events. */
export function useBulkJob() {
  const [state, setState] = useState<BulkJobState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const shownJobId = useRef<string>();
  /** Events that came while a load was on its way: applied to what it brings. */
  const arrivedDuringLoad = useRef<JobProgress[] | undefined>();

  const load = useCallback(async () => {
    if (arrivedDuringLoad.current) return;
    arrivedDuringLoad.current = [];
    try {
      const answer = await sendMessage('getBulkJob', {});
      shownJobId.current = answer?.job.id;
      let loadedState: BulkJobState | null = answer && { ...answer, items: answer.items.sort((a, b) => a.index - b.index) };
      for (const progress of arrivedDuringLoad.current) loadedState = applyProgress(loadedState, progress);
      setState(loadedState);
      setLoaded(true);
    } finally {
      arrivedDuringLoad.current = undefined;
    }
  }, []);

  useEffect(() => {
    void load();
    return subscribeToBackgroundEvents((event) => {
      if (event.type === 'events-resumed') return void load();
      if (event.type !== 'job-progress' || event.progress.job.origin !== 'bulk' || event.progress.job.state === 'planned') return;
      if (arrivedDuringLoad.current) arrivedDuringLoad.current.push(event.progress);
      else if (event.progress.job.id === shownJobId.current) setState((current) => applyProgress(current, event.progress));
      // A bulk job this page has not seen yet (started elsewhere): load it whole, once.
      else void load();
    });
  }, [load]);

  return { state, loaded, reload: load };
}
