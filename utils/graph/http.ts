import ky, { isForceRetryError, isTimeoutError, type AfterResponseState, type KyRequest } from 'ky';
import { AppError } from '../errors';
import { said } from '../i18n/said';
import { parseGraphJson } from './graph-json';
import { metaErrorIn, rateLimitedError, statusErrorBody, toAppError } from './meta-errors';
import type { RateLimitGate } from './rate-limit-gate';
import { readUsageHeaders, type GraphUsage } from './usage';

export type Params = Record<string, string | number | boolean>;

export interface GraphHttpOptions {
  graphOrigin: string;
  apiVersion: string;
  getAccessToken(): Promise<string>;
  onUsage?(usage: GraphUsage): void;
  fetch?: typeof fetch;
  /** Whether the browser believes it is online (navigator.onLine); false keeps every request home. */
  isOnline?: () => boolean;
  timeoutMs?: number;
}

export interface GraphCall {
  searchParams?: Params;
  form?: Params;
  /** Use this token instead of asking getAccessToken (used while signing in). */
  token?: string;
  /** Send the token as the access_token form field (the batch API's documented way). */
  tokenInForm?: boolean;
}

/** Meta's answer, read once: its body (every digit of an ID kept) and its usage headers. */
export interface GraphAnswer {
  body: unknown;
  usage: GraphUsage;
}

/** What one call tells the hooks; `answer` is filled by the answer hook (a nested object, so shared with the caller). */
type CallContext = {
  answer: Partial<GraphAnswer>;
  token?: string;
  tokenInForm?: boolean;
  /** When this attempt left: its headers and its body share one time limit. */
  attemptStartedAt: number;
  /** Ends the connection of a call that failed while its body was still coming. */
  abort: AbortController;
};

/** Delays before a read is asked again after Meta's temporary errors (codes 1 and 2), when Meta sends no Retry-After. */
export const READ_RETRY_DELAYS_MS = [300, 1000];
/** The longest Retry-After a read waits for (ky's maxRetryAfter does the same for its own retries). */
export const LONGEST_RETRY_AFTER_MS = 10_000;

/**
 * The one HTTP client of the Graph API, a ky instance: its hooks keep every call home while
 * Meta's rate limit lasts or the browser is offline, attach the token, read the usage headers
 * and turn Meta's errors into typed AppErrors. Only reads are asked again, and only after
 * Meta's temporary errors; a write is sent once (the write pipeline decides what follows).
 */
export function createGraphHttp(options: GraphHttpOptions & { gate: RateLimitGate; now: () => number }) {
  const timeoutMs = options.timeoutMs ?? 30_000;

  /** Nothing leaves while Meta's limit lasts; offline, nothing leaves, so nothing can have reached Meta. */
  async function mayLeave(): Promise<void> {
    const blockedUntil = await options.gate.blockedUntil();
    if (blockedUntil !== undefined) throw rateLimitedError(blockedUntil);
    if ((options.isOnline ?? browserOnline)() === false) throw new AppError('network', said('errorOffline'), { neverSent: true });
  }

  async function withToken(request: KyRequest, context: CallContext): Promise<Request | undefined> {
    const token = context.token ?? (await options.getAccessToken());
    if (!context.tokenInForm) {
      request.headers.set('authorization', `Bearer ${token}`);
      return undefined;
    }
    const form = new URLSearchParams(await request.clone().text());
    form.set('access_token', token);
    return new Request(request, { body: form });
  }

  /** Reads every answer once; a Meta error (or a failed status) becomes an AppError, a temporary one on a read is asked again. */
  async function readAnswer({ request, options: callOptions, response }: AfterResponseState) {
    const usage = readUsageHeaders(response.headers);
    options.onUsage?.(usage);
    const context = callOptions.context as CallContext;
    const body = await readBody(response, timeoutMs - (Date.now() - context.attemptStartedAt));
    const metaError = metaErrorIn(body);
    if (!metaError && response.ok) {
      Object.assign(context.answer, { body, usage });
      return undefined;
    }
    let error = toAppError(metaError ?? statusErrorBody(response.status), usage, options.now());
    // A throttle closes the gate; the error then says when it opens.
    if (error.kind === 'rate-limited') error = rateLimitedError(options.gate.throttled(usage), error.details);
    // ky.retry() skips ky's method check, so the methods listed below are checked here.
    if (error.kind === 'temporary' && callOptions.retry.methods.includes(request.method.toLowerCase())) {
      return ky.retry({ cause: error, code: 'META_TEMPORARY', delay: retryAfterMs(response.headers) });
    }
    throw error;
  }

  const api = ky.create({
    prefix: `${options.graphOrigin}/${options.apiVersion}/`,
    timeout: timeoutMs,
    fetch: options.fetch,
    retry: {
      limit: READ_RETRY_DELAYS_MS.length,
      methods: ['get'],
      delay: (attempt) => READ_RETRY_DELAYS_MS[Math.min(attempt, READ_RETRY_DELAYS_MS.length) - 1]!,
      // Only Meta's temporary errors are asked again (readAnswer); a lost connection or a timeout is not.
      shouldRetry: () => false,
    },
    hooks: {
      beforeRequest: [
        async ({ request, options: callOptions }) => {
          await mayLeave();
          (callOptions.context as CallContext).attemptStartedAt = Date.now();
          return withToken(request, callOptions.context as CallContext);
        },
      ],
      beforeRetry: [
        async ({ options: callOptions }) => {
          await mayLeave();
          (callOptions.context as CallContext).attemptStartedAt = Date.now();
        },
      ],
      afterResponse: [readAnswer],
      beforeError: [({ error }) => asAppError(error)],
    },
  });

  return {
    /** One call to Meta; its answer, or the AppError it ended with. */
    async send(method: 'get' | 'post' | 'delete', path: string, call: GraphCall = {}): Promise<GraphAnswer> {
      const context: CallContext = {
        answer: {},
        token: call.token,
        tokenInForm: call.tokenInForm,
        attemptStartedAt: Date.now(),
        abort: new AbortController(),
      };
      const response = await api(path, {
        method,
        signal: context.abort.signal,
        searchParams: call.searchParams,
        body: call.form && new URLSearchParams(stringValues(call.form)),
        context,
      }).catch((error: unknown) => {
        // A call that failed leaves no connection open (a body still coming at the time limit).
        context.abort.abort();
        throw error;
      });
      // readAnswer read the hook's copy of the body; this one is not needed.
      void response.body?.cancel().catch(() => undefined);
      return context.answer as GraphAnswer;
    },
  };
}

/**
 * The body, parsed keeping every digit, within what is left of the attempt's time (ky's timeout
 * ends with the headers); a body cut off, or still arriving at the limit, is a lost answer.
 */
async function readBody(response: Response, timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => {
        reject(new AppError('network', said('errorNetworkTimeout')));
      },
      Math.max(0, timeoutMs),
    );
  });
  try {
    return parseGraphJson(await Promise.race([response.text(), late]));
  } catch (error) {
    throw error instanceof AppError ? error : new AppError('network', said('errorNetwork'));
  } finally {
    clearTimeout(timer);
  }
}

/** What a call ends with is always an AppError: ours as they are, ky's own errors in our words. */
function asAppError(error: Error): Error {
  if (error instanceof AppError) return error;
  // The retries are spent: the last temporary error stands.
  if (isForceRetryError(error) && error.cause instanceof AppError) return error.cause;
  if (isTimeoutError(error)) return new AppError('network', said('errorNetworkTimeout'));
  return new AppError('network', said('errorNetwork'));
}

/** Meta's Retry-After in ms (seconds or an HTTP date), at most LONGEST_RETRY_AFTER_MS; undefined without one. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), LONGEST_RETRY_AFTER_MS);
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function stringValues(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
}
