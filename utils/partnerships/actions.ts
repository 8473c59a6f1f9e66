/** A send or revoke the person asked for, as recorded before it goes to Meta. */
export interface PartnershipAction {
  /** `${brandIgId}:${kind}:${username}`: one action per creator, brand and kind. */
  id: string;
  kind: 'send' | 'revoke';
  brandIgId: string;
  username: string;
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

export function actionId(kind: PartnershipAction['kind'], brandIgId: string, username: string): string {
  return `${brandIgId}:${kind}:${username}`;
}

/** Errors after which the action is worth keeping: nothing was wrong with the request itself. */
export const KEEPABLE_ERRORS = new Set(['session-expired', 'not-connected', 'rate-limited', 'network', 'temporary']);
