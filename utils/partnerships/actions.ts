import { creatorLabel } from './permission-record';

/** A send or revoke the person asked for, as recorded before it goes to Meta. */
export interface PartnershipAction {
  /** One action per creator, brand and kind (see actionId). */
  id: string;
  kind: 'send' | 'revoke';
  brandIgId: string;
  /** Absent when Meta's list named the creator by Instagram ID only. */
  username?: string;
  creatorId?: string;
  /** in-flight: sent, no answer yet. kept: could not finish; waits for the person to try again. */
  state: 'in-flight' | 'kept';
  /** Why it was kept, in plain words. */
  reason?: string;
  /** When Meta allows calls again, for throttled actions (epoch ms). */
  retryAt?: number;
  /** True when Collab Desk stopped before Meta answered, so the outcome must be checked first. */
  outcomeUnknown?: boolean;
  createdAt: number;
  updatedAt: number;
}

/** A creator as an action names them: by username, by Instagram ID, or both (at least one). */
export interface CreatorRef {
  username?: string;
  creatorId?: string;
}

/** How people see the creator an action names: @username, or the Instagram ID. */
export function creatorRefLabel(creator: CreatorRef): string {
  return creatorLabel({ creatorUsername: creator.username, creatorId: creator.creatorId });
}

export function actionId(kind: PartnershipAction['kind'], brandIgId: string, creator: CreatorRef): string {
  return `${brandIgId}:${kind}:${creator.username ?? `#${creator.creatorId}`}`;
}

/** Errors after which the action is worth keeping: nothing was wrong with the request itself. */
export const KEEPABLE_ERRORS = new Set(['session-expired', 'not-connected', 'rate-limited', 'network', 'temporary']);
