/**
 * The one place that knows what Meta's permission statuses mean: the words people see, and
 * every decision that depends on a status (offer Send? offer Revoke? what does a bulk dry run
 * do? did an interrupted send or revoke already take effect?). Popup, dashboard, single
 * actions and bulk jobs all ask here, so they cannot disagree.
 *
 * Meta's pages list APPROVED, PENDING, REVOKED "etc."; its Facebook-side partnership-ads API
 * and creator platforms add PENDING_APPROVAL, REJECTED, SELF_REMOVED, CANCELED and numbered
 * statuses; other casings occur. Anything else is shown exactly as received and offers no
 * action that could ask a creator twice.
 */
export type KnownStatus = 'APPROVED' | 'PENDING' | 'REVOKED' | 'REJECTED' | 'CANCELED' | 'EXPIRED' | 'SELF_REMOVED';

/**
 * approved / pending: a permission stands or waits for the creator (never ask again).
 * ended: it existed and is over, so a new request is fine. unknown: a status Collab Desk does
 * not know. not-requested: no record at all.
 */
export type StatusGroup = 'approved' | 'pending' | 'ended' | 'unknown' | 'not-requested';

const BY_NAME: Record<string, KnownStatus> = {
  APPROVED: 'APPROVED',
  PENDING: 'PENDING',
  PENDING_APPROVAL: 'PENDING',
  REVOKED: 'REVOKED',
  REJECTED: 'REJECTED',
  CANCELED: 'CANCELED',
  CANCELLED: 'CANCELED',
  EXPIRED: 'EXPIRED',
  SELF_REMOVED: 'SELF_REMOVED',
};

/** The numbering of Meta's partnership-ads API (1 PENDING_APPROVAL, 2 and 7 APPROVED, ...). */
const BY_NUMBER: Record<string, KnownStatus> = {
  '1': 'PENDING',
  '2': 'APPROVED',
  '3': 'REJECTED',
  '4': 'REVOKED',
  '5': 'SELF_REMOVED',
  '6': 'CANCELED',
  '7': 'APPROVED',
};

const GROUP: Record<KnownStatus, StatusGroup> = {
  APPROVED: 'approved',
  PENDING: 'pending',
  REVOKED: 'ended',
  REJECTED: 'ended',
  CANCELED: 'ended',
  EXPIRED: 'ended',
  SELF_REMOVED: 'ended',
};

/** The status words people see (UI contract). */
export const STATUS_WORDS: Record<KnownStatus, string> = {
  APPROVED: 'Approved',
  PENDING: 'Pending',
  REVOKED: 'Revoked',
  REJECTED: 'Rejected',
  CANCELED: 'Canceled',
  EXPIRED: 'Expired',
  SELF_REMOVED: 'Removed by creator',
};
export const NOT_REQUESTED = 'Not requested';
/** Shown for a record that came without any status. */
export const NO_STATUS = 'No status given';

/** The known meaning of a status as Meta sent it (any casing, spaces or dashes, or a number). */
export function knownStatus(status: string | undefined): KnownStatus | undefined {
  if (status === undefined) return undefined;
  const name = status
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return BY_NAME[name] ?? BY_NUMBER[name];
}

export function statusGroup(status: string | undefined): StatusGroup {
  if (status === undefined) return 'not-requested';
  const known = knownStatus(status);
  return known ? GROUP[known] : 'unknown';
}

/** "Approved", "Pending", ..., "Not requested", or the value exactly as Meta sent it. */
export function statusWord(status: string | undefined): string {
  if (status === undefined) return NOT_REQUESTED;
  const known = knownStatus(status);
  if (known) return STATUS_WORDS[known];
  return status.trim() === '' ? NO_STATUS : status;
}

/** Revoke makes sense while a permission is granted or still waiting for the creator. */
export function canRevoke(status: string | undefined): boolean {
  const group = statusGroup(status);
  return group === 'approved' || group === 'pending';
}

/** A new request makes sense when none was ever made, or the last one has ended. */
export function canSend(status: string | undefined): boolean {
  const group = statusGroup(status);
  return group === 'not-requested' || group === 'ended';
}

/** Why no action is offered for a status Collab Desk does not know, or undefined when one is. */
export function noActionReason(status: string | undefined): string | undefined {
  if (statusGroup(status) !== 'unknown') return undefined;
  return `Meta reports a status Collab Desk does not know (${statusWord(status)}), so it offers no action that could ask this creator twice. Check the request in Meta Business Suite.`;
}

export type ActionKind = 'send' | 'revoke';

/** What a bulk dry run does with one creator, given its current status. */
export function planStep(kind: ActionKind, status: string | undefined): { run: boolean; note: string } {
  const group = statusGroup(status);
  const word = statusWord(status);
  if (kind === 'send') {
    if (group === 'approved') return { run: false, note: 'Already approved' };
    if (group === 'pending') return { run: false, note: 'Already pending' };
    if (group === 'not-requested') return { run: true, note: 'New request' };
    if (group === 'ended') return { run: true, note: `Request again (was ${word})` };
    return { run: false, note: `Not sent: unknown status ${word}` };
  }
  if (canRevoke(status)) return { run: true, note: `Revoke (${word})` };
  return { run: false, note: `Nothing to revoke (${word})` };
}

/**
 * Whether a send or revoke whose answer was lost already took effect, judged from the
 * creator's status on Meta's list now.
 */
export function tookEffect(kind: ActionKind, status: string | undefined): boolean {
  const group = statusGroup(status);
  // A revoked pending request may come back as CANCELED: any ended status means nothing is left to revoke.
  return kind === 'send' ? group === 'pending' || group === 'approved' : group === 'ended';
}

/** The status a confirmed send or revoke leaves behind. */
export function statusAfter(kind: ActionKind): KnownStatus {
  return kind === 'send' ? 'PENDING' : 'REVOKED';
}
