import * as z from 'zod/mini';
import { AppError } from '../errors';
import { said, saidCount } from '../i18n/said';
import { parseGraphJson } from './graph-json';
import { createGraphHttp, type GraphAnswer, type GraphCall, type GraphHttpOptions, type Params } from './http';
import { lenient } from './schemas';
import { metaErrorIn, rateLimitedError, statusErrorBody, toAppError } from './meta-errors';
import { createRateLimitGate, type RateLimitGate } from './rate-limit-gate';
import { readUsageHeaders, type GraphUsage } from './usage';

export interface GraphClientOptions extends GraphHttpOptions {
  /** Called when Meta rejects the token (code 190). Resolves true when a new token was obtained. */
  onSessionRejected?(error: AppError): Promise<boolean>;
  /** Holds every call while Meta's rate limit lasts; one per client unless given. */
  rateLimitGate?: RateLimitGate;
  now?: () => number;
}

export interface BatchRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path after the version, with its query: "123/branded_content_ad_permissions". */
  relativeUrl: string;
  body?: Record<string, string>;
}

/** One item's answer; null when Meta gave none (the batch timed out on its side). */
export type BatchAnswer = { status: number; body: unknown; error?: AppError; usage: GraphUsage } | null;

/** The most requests one batch may carry. */
export const MAX_BATCH_SIZE = 50;

/**
 * A batch's answers: Meta writes each item's body as a JSON string and its headers as name and
 * value pairs; a body already parsed, or headers in another shape (read as none), cost nothing.
 */
const batchAnswersSchema = z.array(
  z.union([
    z.null(),
    z.object({
      code: z.number(),
      headers: lenient(z.array(z.object({ name: z.string(), value: z.string() }))),
      body: z.optional(z.unknown()),
    }),
  ]),
);

/** A page of a list; its items are read one by one (readItems), so one unreadable item never costs the others. */
const listPageSchema = z.object({
  data: z.array(z.unknown()),
  // A null or odd cursor is read as none (the next link then says where to go); a next link of another type is an error, not an end.
  paging: lenient(z.object({ cursors: lenient(z.object({ after: lenient(z.string()) })), next: z.optional(z.string()) })),
});

export type GraphClient = ReturnType<typeof createGraphClient>;

/** The one way the extension talks to the Graph API: typed, validated, with Meta's errors in plain words. */
export function createGraphClient(options: GraphClientOptions) {
  const now = options.now ?? Date.now;
  const gate = options.rateLimitGate ?? createRateLimitGate({ now });
  const http = createGraphHttp({ ...options, gate, now });

  /** One call through the Graph HTTP client, with one renewal when Meta rejects the token (Meta acted on nothing). */
  async function exchange(method: 'get' | 'post' | 'delete', path: string, requestOptions: GraphCall): Promise<GraphAnswer> {
    try {
      return await http.send(method, path, requestOptions);
    } catch (error) {
      if (!rejectedByMeta(error) || requestOptions.token || !(await options.onSessionRejected?.(error))) throw error;
      return http.send(method, path, requestOptions);
    }
  }

  async function request<T extends z.ZodMiniType>(
    method: 'get' | 'post' | 'delete',
    path: string,
    schema: T,
    requestOptions: GraphCall = {},
  ): Promise<z.infer<T>> {
    const { body } = await exchange(method, path, requestOptions);
    gate.succeeded();
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('unexpected-response', said('errorUnexpectedAnswer', { path: path.split('?')[0]! }));
    }
    return parsed.data;
  }

  return {
    /** A read: asked again after Meta's passing failure, as every page of a list is (repeating a read changes nothing; see http.ts). */
    get: <T extends z.ZodMiniType>(path: string, schema: T, requestOptions?: GraphCall) => request('get', path, schema, requestOptions),
    post: <T extends z.ZodMiniType>(path: string, schema: T, requestOptions?: GraphCall) => request('post', path, schema, requestOptions),
    delete: <T extends z.ZodMiniType>(path: string, schema: T, requestOptions?: GraphCall) =>
      request('delete', path, schema, requestOptions),

    /**
     * Many calls in one HTTP request (at most 50). Answers come back in request order, each
     * with its own status, Meta error (typed) and usage headers.
     */
    async batch(requests: readonly BatchRequest[]): Promise<{ answers: BatchAnswer[]; usage: GraphUsage }> {
      if (requests.length > MAX_BATCH_SIZE) throw new Error(`A batch carries at most ${MAX_BATCH_SIZE} requests.`);
      const batch = requests.map((item) => ({
        method: item.method,
        relative_url: item.relativeUrl,
        ...(item.body ? { body: new URLSearchParams(item.body).toString() } : {}),
      }));
      const { body, usage } = await exchange('post', '', {
        form: { batch: JSON.stringify(batch), include_headers: 'true' },
        tokenInForm: true,
      });
      const parsed = batchAnswersSchema.safeParse(body);
      if (!parsed.success || parsed.data.length !== requests.length) {
        throw new AppError('unexpected-response', said('errorUnexpectedBatch'));
      }
      const answers = parsed.data.map((item): BatchAnswer => {
        if (!item) return null;
        const itemUsage = readUsageHeaders(
          new Headers((item.headers ?? []).map((header): [string, string] => [header.name, header.value])),
        );
        const itemBody = typeof item.body === 'string' ? parseGraphJson(item.body) : (item.body ?? undefined);
        const metaError = metaErrorIn(itemBody);
        const error = metaError || item.code >= 400 ? toAppError(metaError ?? statusErrorBody(item.code), itemUsage, now()) : undefined;
        return { status: item.code, body: itemBody, error, usage: itemUsage };
      });
      // One throttle for the whole batch: the gate closes once, and every throttled item says until when.
      const throttled = answers.filter((answer) => answer?.error?.kind === 'rate-limited');
      if (throttled.length > 0) {
        const regainAccessMinutes = Math.max(...throttled.map((answer) => answer!.usage.regainAccessMinutes ?? 0));
        const until = gate.throttled({ percent: 100, regainAccessMinutes });
        for (const answer of throttled) answer!.error = rateLimitedError(until, answer!.error!.details);
      } else {
        gate.succeeded();
      }
      const worst = answers.reduce((highest, answer) => Math.max(highest, answer?.usage.percent ?? 0), usage.percent);
      return { answers, usage: { ...usage, percent: worst } };
    },

    /**
     * Follows cursor paging to the end: stops only when Meta gives no `paging.next`. A cursor
     * seen before would start a loop, so it ends the read with a clear error instead.
     */
    async getAll<T extends z.ZodMiniType>(
      path: string,
      item: T,
      requestOptions: GraphCall = {},
      maxItems = 50_000,
    ): Promise<Array<z.infer<T>>> {
      const items: Array<z.infer<T>> = [];
      const seen = new Set<string>();
      let next: Params | undefined = requestOptions.searchParams ?? {};
      while (next && items.length < maxItems) {
        const searchParams: Params = next;
        const page = await request('get', path, listPageSchema, { ...requestOptions, searchParams });
        // An item that cannot be read at all (a Page without an ID) is left out; the rest of the list stands.
        for (const entry of page.data) {
          const read = item.safeParse(entry);
          if (read.success) items.push(read.data);
        }
        next = nextPageParams(requestOptions.searchParams ?? {}, page.paging);
        const key = next && JSON.stringify(Object.entries(next).sort());
        if (key !== undefined && seen.has(key)) {
          throw new AppError('unexpected-response', saidCount('errorPagingLoop', items.length, { edge: path.split('/').pop()! }));
        }
        if (key !== undefined) seen.add(key);
      }
      return items;
    },
  };
}

/** Meta refused the token (its code 190 or 102 in the details), not a session already known here to be gone. */
function rejectedByMeta(error: unknown): error is AppError {
  return error instanceof AppError && error.kind === 'session-expired' && error.details.code !== undefined;
}

/**
 * The query of the next page, or undefined at the end (no `paging.next`): the first page's
 * query with `cursors.after`, else the query of the `next` link itself (offset paging).
 */
function nextPageParams(first: Params, paging: { cursors?: { after?: string }; next?: string } | undefined): Params | undefined {
  if (!paging?.next) return undefined;
  if (paging.cursors?.after) return { ...first, after: paging.cursors.after };
  try {
    const params = Object.fromEntries(new URL(paging.next).searchParams);
    delete params.access_token;
    return params;
  } catch {
    return undefined;
  }
}
