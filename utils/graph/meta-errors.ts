import { AppError } from '../errors';
import { said } from '../i18n/said';
import type { GraphUsage } from './usage';

/** Meta's error body: {"error":{"message","type","code","error_subcode",...}}. */
export interface MetaErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);

/** Business Use Case limits (80000 ads insights, 80001 Pages, 80002 Instagram, ... 80014 catalog batch): all throttles. */
const isBusinessUseCaseLimit = (code: number) => code >= 80_000 && code <= 80_014;

/** Turns Meta's error codes into one typed error with words a person can act on. */
export function toAppError(error: MetaErrorBody, usage: GraphUsage, now: number): AppError {
  const code = error.code;
  const details = { code, subcode: error.error_subcode, metaMessage: metaWords(error) };
  // Meta's words inside ours; an error that came without any says so.
  const meta = details.metaMessage || said('reasonNoneGiven');
  if (code === 190 || code === 102) {
    return new AppError('session-expired', said('errorSessionExpired'), details);
  }
  if (code !== undefined && (RATE_LIMIT_CODES.has(code) || isBusinessUseCaseLimit(code))) {
    // The caller's rate-limit gate decides the real wait; Meta's estimate is the least of it.
    return rateLimitedError(now + (usage.regainAccessMinutes ?? 0) * 60_000, details);
  }
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    return new AppError('permission-missing', said('errorPermissionMissing', { meta }), details);
  }
  if (code === 368) {
    return new AppError('policy-blocked', said('errorPolicyBlocked'), details);
  }
  if (code === 1 || code === 2 || error.is_transient) {
    return new AppError('temporary', said('errorTemporary'), details);
  }
  if (code === 100) {
    return new AppError('invalid-request', said('errorNotAccepted', { meta }), details);
  }
  return new AppError('unexpected-response', said('errorMetaOther', { meta }), details);
}

/** A call Meta throttled, or one not made because Meta's limit has not lifted yet. */
export function rateLimitedError(retryAt: number, details: AppError['details'] = {}): AppError {
  return new AppError('rate-limited', said('errorRateLimited', { until: { clock: retryAt } }), { ...details, retryAt });
}

/** Meta's error body inside an answer ({"error":{...}}), if the answer is one. */
export function metaErrorIn(body: unknown): MetaErrorBody | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null) {
    return body.error as MetaErrorBody;
  }
  return undefined;
}

/** A failed HTTP status that came without Meta's error body: a 5xx is Meta's passing failure (code 2). */
export function statusErrorBody(status: number): MetaErrorBody {
  return { message: `HTTP ${status}`, code: status >= 500 ? 2 : undefined };
}

/** Meta's user-facing text when it gives one, else its developer message without the "(#100)" prefix. */
function metaWords(error: MetaErrorBody): string {
  const userText = [error.error_user_title, error.error_user_msg].filter(Boolean).join(': ');
  return userText || (error.message ?? '').replace(/^\(#\d+\)\s*/, '');
}
