import type { ItemState, Job } from '../bulk/job';
import { said, saidCount, type Said } from '../i18n/said';

export interface BadgeState {
  /** The bulk job under way (running or waiting), with its counts. */
  bulk?: { job: Job; counts: Record<ItemState, number> };
  /** Single actions waiting for the person (kept actions). */
  kept: number;
  /** What the approvals watch found that the person has not seen yet. */
  news?: number;
  /** Approved permissions whose term has ended (waiting for Revoke ended terms). */
  ended?: number;
}

export interface Badge {
  text: string;
  color: string;
  /** The toolbar button's tooltip, as words for the background's translator. */
  title: Said;
}

/**
 * The toolbar badge: a running bulk job's progress in percent, else how many actions wait
 * for the person, else how many changes the approvals watch found, else how many approved
 * terms have ended, else nothing.
 */
export function badgeFor(state: BadgeState): Badge {
  if (state.bulk) {
    const { job, counts } = state.bulk;
    const settled = counts.sent + counts.revoked + counts.failed + counts.skipped;
    const percent = job.total > 0 ? Math.floor((settled / job.total) * 100) : 0;
    const waiting = job.state === 'waiting';
    return {
      text: `${percent}%`,
      color: waiting ? '#9a6700' : '#0969da',
      title: said(waiting ? 'badgeJobWaiting' : 'badgeJob', { done: settled, total: job.total }),
    };
  }
  if (state.kept > 0)
    return {
      text: String(state.kept),
      color: '#9a6700',
      title: saidCount('badgeKept', state.kept),
    };
  if (state.news && state.news > 0)
    return {
      text: String(state.news),
      color: '#1a7f37',
      title: saidCount('badgeNews', state.news),
    };
  if (state.ended && state.ended > 0)
    return {
      text: String(state.ended),
      color: '#b3261e',
      title: saidCount('badgeEnded', state.ended),
    };
  return { text: '', color: '#0969da', title: said('extName') };
}
