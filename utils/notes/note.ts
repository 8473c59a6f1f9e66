import { statusGroup } from '../partnerships/status';

/**
 * The person's own notes on a creator of a brand: the term's last day and the campaign.
 * They are not Meta's data: they live in IndexedDB (utils/notes/notes-store.ts), survive
 * Disconnect, and travel in the backup file.
 */
export interface CreatorNote {
  brandIgId: string;
  /** The creator's username, normalised (lower case, no @). */
  username: string;
  /** The term's last day, YYYY-MM-DD (the person's calendar day); absent when none is set. */
  endDate?: string;
  /** Free text: the campaign the creator belongs to. */
  campaign?: string;
  updatedAt: number;
  /** Set once the person has been notified that this approved term ended. */
  endNotified?: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as YYYY-MM-DD, or undefined for anything else (2026-02-30 included). */
export function readDay(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/\//g, '-');
  const match = text ? ISO_DAY.exec(text) : null;
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? text : undefined;
}

/** Today in the person's time zone, as YYYY-MM-DD. */
export function today(now: number = Date.now()): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The term has ended: its last day is before today. */
export function hasEnded(note: Pick<CreatorNote, 'endDate'> | undefined, day: string): boolean {
  return Boolean(note?.endDate && note.endDate < day);
}

/** The term ends within the next `days` days (today included), and has not ended. */
export function endsWithin(note: Pick<CreatorNote, 'endDate'> | undefined, days: number, now: number = Date.now()): boolean {
  if (!note?.endDate) return false;
  const day = today(now);
  const last = today(now + days * 86_400_000);
  return note.endDate >= day && note.endDate <= last;
}

/** Whole days since a request was made (0 the same day), or undefined without a time. */
export function daysWaiting(requestedAt: string | undefined, now: number = Date.now()): number | undefined {
  const time = requestedAt ? Date.parse(requestedAt) : NaN;
  return Number.isNaN(time) ? undefined : Math.max(0, Math.floor((now - time) / 86_400_000));
}

export const noteKey = (note: Pick<CreatorNote, 'brandIgId' | 'username'>) => `${note.brandIgId}/${note.username}`;

/** The terms filter of the Partnerships table: any term, ending in the next ENDING_SOON_DAYS days, or ended. */
export type TermsFilter = '' | 'ending' | 'ended';
export const ENDING_SOON_DAYS = 7;

/** Whether a creator's note passes the table's terms and campaign filters ('' for either means any). */
export function matchesNoteFilters(
  note: Pick<CreatorNote, 'endDate' | 'campaign'> | undefined,
  filters: { terms: TermsFilter; campaign: string },
  now: number = Date.now(),
): boolean {
  if (filters.campaign && note?.campaign !== filters.campaign) return false;
  if (filters.terms === 'ended') return hasEnded(note, today(now));
  if (filters.terms === 'ending') return endsWithin(note, ENDING_SOON_DAYS, now);
  return true;
}

/** An approved permission whose term has passed: what the badge counts and Revoke ended terms offers. */
export function isEndedTerm(status: string | undefined, note: Pick<CreatorNote, 'endDate'> | undefined, day: string): boolean {
  return statusGroup(status) === 'approved' && hasEnded(note, day);
}

/** Days a pending request has waited, when that is at least `afterDays` (the follow-up mark); else undefined. */
export function waitingFor(
  permission: { status: string; requestedAt?: string },
  afterDays: number,
  now: number = Date.now(),
): number | undefined {
  const days = statusGroup(permission.status) === 'pending' ? daysWaiting(permission.requestedAt, now) : undefined;
  return days !== undefined && days >= afterDays ? days : undefined;
}
