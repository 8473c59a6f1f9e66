import { isSaid, said, type Said } from './i18n/said';

/**
 * Every failure the UI may show. The words travel as data (a message key and values, see
 * utils/i18n/said.ts) and pages say them in the person's language; `kind` tells the UI which
 * action to offer (reconnect, retry later...).
 */
export type AppErrorKind =
  | 'not-connected'
  | 'session-expired'
  | 'missing-app-id'
  | 'login-cancelled'
  | 'login-state-mismatch'
  | 'login-failed'
  | 'permission-missing'
  | 'rate-limited'
  | 'temporary'
  | 'invalid-request'
  | 'policy-blocked'
  | 'network'
  | 'unexpected-response'
  | 'refused'
  | 'invalid-message';

export interface AppErrorDetails {
  /** Meta's error code and subcode, when the error came from the Graph API. */
  code?: number;
  subcode?: number;
  /** Epoch ms after which a rate-limited call may be tried again. */
  retryAt?: number;
  /** Meta's own words, kept for support and for per-item results. */
  metaMessage?: string;
  /** The request never left this computer (offline): it cannot have reached Meta. */
  neverSent?: boolean;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: AppErrorKind,
    /** What to tell the person, as data. The Error message is its key, for logs. */
    readonly said: Said,
    readonly details: AppErrorDetails = {},
  ) {
    super(said.key);
  }
}

export interface DescribedError {
  kind: AppErrorKind | 'unknown';
  /** Words for the person (a Said; a plain string only from code outside ours). */
  said: Said;
  details: AppErrorDetails;
}

/** Reads an error that crossed the message boundary (it arrives as a plain Error with our fields). */
export function describeError(error: unknown): DescribedError {
  if (error && typeof error === 'object' && 'kind' in error && 'said' in error && isSaid(error.said)) {
    const { kind, said: words, details } = error as { kind: AppErrorKind; said: Said; details?: AppErrorDetails };
    return { kind, said: words, details: details ?? {} };
  }
  return { kind: 'unknown', said: said('errorUnknown'), details: {} };
}
