import { browser } from '@/utils/browser';
import type { ItemState, Job } from '../bulk/job';
import { i18n } from '../i18n';
import { badgeFor } from './badge';

export interface ToolbarBadgeDeps {
  /** Jobs confirmed and not finished. */
  unfinishedJobs(): Promise<Job[]>;
  counts(jobId: string): Promise<Record<ItemState, number>>;
  /** What the approvals watch found that the person has not seen yet. */
  newsCount(): Promise<number>;
  /** Approved permissions whose term has ended. */
  endedTermsCount(): Promise<number>;
  /** Told after the global badge and title changed (tabs that copy the title follow it). */
  onShown?(): void;
}

/** The toolbar badge, following jobs, the watch's news and ended terms. */
export function createToolbarBadge(deps: ToolbarBadgeDeps) {
  async function show(): Promise<void> {
    const unfinished = await deps.unfinishedJobs();
    const bulkJob = unfinished.find((job) => job.origin === 'bulk' && (job.state === 'running' || job.state === 'waiting'));
    const badge = badgeFor({
      bulk: bulkJob && { job: bulkJob, counts: await deps.counts(bulkJob.id) },
      kept: unfinished.filter((job) => job.origin === 'single' && job.state !== 'running').length,
      news: await deps.newsCount(),
      ended: await deps.endedTermsCount(),
    });
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeText({ text: badge.text });
    await action.setBadgeBackgroundColor({ color: badge.color });
    // The toolbar is the browser's own surface: the background says the words itself.
    await action.setTitle({ title: i18n.say(badge.title) });
    deps.onShown?.();
  }

  /** The badge follows jobs at most a few times a second. */
  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void show();
    }, 300);
  }

  return { show, schedule };
}
