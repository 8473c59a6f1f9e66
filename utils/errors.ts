/**
 * Every failure the UI may show. The message is always plain words for the person using
 * Collab Desk; `kind` tells the UI which action to offer (reconnect, retry later...).
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
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: AppErrorKind,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

/** Reads an error that crossed the message boundary (it arrives as a plain Error with our fields). */
export function describeError(error: unknown): { kind: AppErrorKind | 'unknown'; message: string; details: AppErrorDetails } {
  if (error && typeof error === 'object' && 'kind' in error && 'message' in error) {
    const { kind, message, details } = error as { kind: AppErrorKind; message: string; details?: AppErrorDetails };
    return { kind, message, details: details ?? {} };
  }
  return { kind: 'unknown', message: 'Something went wrong inside Collab Desk. Reload the page and try again.', details: {} };
}
