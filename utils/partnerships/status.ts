import { said, type MessageKey, type Said, type Words } from '../i18n/said';

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

/** The messages of the status words people see (UI contract), in the contract's order. */
const STATUS_WORDS = {
  APPROVED: 'statusApproved',
  PENDING: 'statusPending',
  REVOKED: 'statusRevoked',
  REJECTED: 'statusRejected',
  CANCELED: 'statusCanceled',
  EXPIRED: 'statusExpired',
  SELF_REMOVED: 'statusSelfRemoved',
} as const satisfies Record<KnownStatus, MessageKey>;

/** A status as the table filters and sorts by it: a known name, NOT_REQUESTED, NO_STATUS, or Meta's own value. */
export type StatusKey = KnownStatus | 'NOT_REQUESTED' | 'NO_STATUS' | (string & {});

/** Status keys in the order people expect them; any other (unknown) status comes after. */
export const STATUS_ORDER: readonly StatusKey[] = [...(Object.keys(STATUS_WORDS) as KnownStatus[]), 'NOT_REQUESTED', 'NO_STATUS'];

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

/** One key per status word: APPROVED for "approved" and 1 alike, NOT_REQUESTED for no record, else the value as sent. */
export function statusKey(status: string | undefined): StatusKey {
  if (status === undefined) return 'NOT_REQUESTED';
  const known = knownStatus(status);
  if (known) return known;
  return status.trim() === '' ? 'NO_STATUS' : status;
}

/** "Approved", "Pending", ..., "Not requested", or the value exactly as Meta sent it. */
export function statusWord(status: string | undefined): Words {
  return statusKeyWord(statusKey(status));
}

export function statusKeyWord(key: StatusKey): Words {
  if (key === 'NOT_REQUESTED') return said('statusNotRequested');
  if (key === 'NO_STATUS') return said('statusNone');
  return key in STATUS_WORDS ? said(STATUS_WORDS[key as KnownStatus]) : key;
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
export function noActionReason(status: string | undefined): Said | undefined {
  if (statusGroup(status) !== 'unknown') return undefined;
  return said('statusUnknownNoAction', { status: statusWord(status) });
}

/**
 * Why a new request to this creator is not sent, given their status (already approved or
 * pending, or a status Collab Desk does not know), or undefined when it may be sent.
 */
export function sendRefusal(status: string | undefined, creator: string, brand: string): Said | undefined {
  if (canSend(status)) return undefined;
  return noActionReason(status) ?? said('partnershipsAlreadyAsked', { creator, status: statusWord(status), brand });
}

export type ActionKind = 'send' | 'revoke';

/** What a bulk dry run does with one creator, given its current status. */
export function planStep(kind: ActionKind, status: string | undefined): { run: boolean; note: Said } {
  const group = statusGroup(status);
  const word = { status: statusWord(status) };
  if (kind === 'send') {
    if (group === 'approved') return { run: false, note: said('planAlreadyApproved') };
    if (group === 'pending') return { run: false, note: said('planAlreadyPending') };
    if (group === 'not-requested') return { run: true, note: said('planNewRequest') };
    if (group === 'ended') return { run: true, note: said('planRequestAgain', word) };
    return { run: false, note: said('planUnknownStatus', word) };
  }
  if (canRevoke(status)) return { run: true, note: said('planRevoke', word) };
  return { run: false, note: said('planNothingToRevoke', word) };
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
