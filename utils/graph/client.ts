import ky, { TimeoutError } from 'ky';
import { z } from 'zod';
import { AppError } from '../errors';
import { toAppError, type MetaErrorBody } from './meta-errors';
import { readUsageHeaders, type GraphUsage } from './usage';

type Params = Record<string, string | number | boolean>;

export interface GraphClientOptions {
  graphOrigin: string;
  apiVersion: string;
  getAccessToken(): Promise<string>;
  /** Called when Meta rejects the token (code 190). Resolves true when a new token was obtained. */
  onSessionRejected?(error: AppError): Promise<boolean>;
  onUsage?(usage: GraphUsage): void;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

interface RequestOptions {
  searchParams?: Params;
  form?: Params;
  /** Use this token instead of asking getAccessToken (used while signing in). */
  token?: string;
}

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    paging: z.object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
  });

export type GraphClient = ReturnType<typeof createGraphClient>;

/** The one way the extension talks to the Graph API: typed, validated, with Meta's errors in plain words. */
export function createGraphClient(options: GraphClientOptions) {
  const now = options.now ?? Date.now;
  const http = ky.create({
    prefixUrl: `${options.graphOrigin}/${options.apiVersion}/`,
    retry: 0,
    timeout: options.timeoutMs ?? 30_000,
    throwHttpErrors: false,
    fetch: options.fetch,
  });

  async function request<T extends z.ZodType>(method: 'get' | 'post' | 'delete', path: string, schema: T, requestOptions: RequestOptions = {}, renewed = false): Promise<z.infer<T>> {
    const token = requestOptions.token ?? (await options.getAccessToken());
    let response: Response;
    try {
      response = await http(path, {
        method,
        searchParams: requestOptions.searchParams,
        body: requestOptions.form ? new URLSearchParams(stringValues(requestOptions.form)) : undefined,
        headers: { authorization: `Bearer ${token}` },
      });
    } catch (error) {
      throw error instanceof TimeoutError
        ? new AppError('network', 'Facebook did not answer in time. Check your connection and try again.')
        : new AppError('network', 'Could not reach Facebook. Check your internet connection and try again.');
    }
    const usage = readUsageHeaders(response.headers);
    options.onUsage?.(usage);
    const body = await readJson(response);
    const metaError = errorOf(body);
    if (metaError || !response.ok) {
      const appError = toAppError(metaError ?? { message: `HTTP ${response.status}`, code: response.status >= 500 ? 2 : undefined }, usage, now());
      if (appError.kind === 'session-expired' && !requestOptions.token && !renewed && (await options.onSessionRejected?.(appError))) {
        return request(method, path, schema, requestOptions, true);
      }
      throw appError;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('unexpected-response', `Facebook answered ${path.split('?')[0]} in a form Collab Desk does not understand.`);
    }
    return parsed.data;
  }

  return {
    get: <T extends z.ZodType>(path: string, schema: T, requestOptions?: RequestOptions) => request('get', path, schema, requestOptions),
    post: <T extends z.ZodType>(path: string, schema: T, requestOptions?: RequestOptions) => request('post', path, schema, requestOptions),
    delete: <T extends z.ZodType>(path: string, schema: T, requestOptions?: RequestOptions) => request('delete', path, schema, requestOptions),

    /** Follows cursor paging to the end: stops only when Meta gives no `paging.next`. */
    async getAll<T extends z.ZodType>(path: string, item: T, requestOptions: RequestOptions = {}, maxItems = 50_000): Promise<Array<z.infer<T>>> {
      const items: Array<z.infer<T>> = [];
      let after: string | undefined;
      do {
        const searchParams = { ...requestOptions.searchParams, ...(after ? { after } : {}) };
        const page = await request('get', path, pageOf(item), { ...requestOptions, searchParams });
        items.push(...page.data);
        after = page.paging?.next ? page.paging.cursors?.after : undefined;
      } while (after && items.length < maxItems);
      return items;
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text === 'true' ? true : undefined;
  }
}

function errorOf(body: unknown): MetaErrorBody | undefined {
  if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null) {
    return body.error as MetaErrorBody;
  }
  return undefined;
}

function stringValues(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
}
