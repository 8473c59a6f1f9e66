import { said, type Said } from '../i18n/said';
import { statusGroup, statusWord, type StatusGroup } from '../partnerships/status';

/** What the background knows of the creator whose profile a tab shows, for the chosen brand. */
export type ProfileAnswer =
  | { kind: 'status'; username: string; brandUsername: string; /** Meta's status; absent when never requested. */ status?: string }
  | { kind: 'not-connected' | 'no-brand' | 'failed'; username: string };

/** The chip's colour family: a status group, or "none" when there is no status to show. */
export type ChipTone = StatusGroup | 'none';

export interface ProfileBadge {
  /** The tab's badge text; null gives the tab the global badge back (the approvals watch's count). */
  text: string | null;
  color: string;
  /** The toolbar title for the tab and the chip's words: "Collab Desk: @ana - Approved for @brand". */
  title: Said;
  tone: ChipTone;
}

/** Short marks that read the same in every language; colours as the dashboard's status words. */
const MARKS: Record<StatusGroup, { text: string; color: string }> = {
  approved: { text: '✓', color: '#1a7f37' },
  pending: { text: '…', color: '#9a6700' },
  ended: { text: '✕', color: '#6e7781' },
  unknown: { text: '?', color: '#6e7781' },
  // Not requested shows no badge on the tab (an empty text, so the watch's count does not seem to be about this creator).
  'not-requested': { text: '', color: '#6e7781' },
};

const GLOBAL_COLOR = '#0969da';

export function profileBadgeFor(answer: ProfileAnswer): ProfileBadge {
  const username = answer.username;
  if (answer.kind === 'status') {
    const tone = statusGroup(answer.status);
    return {
      ...MARKS[tone],
      title: said('profileStatusTitle', { username, status: statusWord(answer.status), brand: answer.brandUsername }),
      tone,
    };
  }
  const key =
    answer.kind === 'not-connected'
      ? 'profileStatusNotConnected'
      : answer.kind === 'no-brand'
        ? 'profileStatusNoBrand'
        : 'profileStatusFailed';
  return { text: null, color: GLOBAL_COLOR, title: said(key, { username }), tone: 'none' };
}
