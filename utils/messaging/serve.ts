import { browser } from '@/utils/browser';
import { AppError } from '../errors';
import type { ParsedRequest, RequestType, Reply, TabReplies, TabRequestType, WireFailure, WireReply, WireRequest } from './protocol';
import { requestSchemas, tabRequestSchemas } from './request-schemas';
import { instagramTabOf, isTrustedSender, type SenderInfo } from './trusted-sender';
import { isSaid, said, type MessageKey, type Said } from '../i18n/said';

export type Handlers = { [K in RequestType]: (data: ParsedRequest<K>) => Promise<Reply<K>> };
/** The chip's requests, answered for the tab the browser says the content script runs in. */
export type TabHandlers = { [K in TabRequestType]: (tab: { tabId: number; url: string }) => Promise<TabReplies[K]> };

function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/** Answers every request of ours that reaches the background (runtime.onMessage); other messages are not ours to answer. */
export function serveProtocol(handlers: Handlers, tabHandlers?: TabHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (answer: WireReply) => void) => {
    if (!isWireRequest(message)) return false;
    void answerRequest(handlers, message, sender, tabHandlers).then(sendResponse);
    return true;
  });
}

/** One request, behind the sender check and the request's zod schema; failures travel as their fields. */
export async function answerRequest(
  handlers: Handlers,
  request: WireRequest,
  sender: SenderInfo | undefined,
  tabHandlers?: TabHandlers,
): Promise<WireReply> {
  try {
    if (Object.hasOwn(tabRequestSchemas, request.type)) return { reply: await answerTabRequest(tabHandlers, request, sender) };
    if (!isTrustedSender(sender, browser.runtime.id, extensionOrigin())) {
      throw new AppError('refused', said('errorRefusedSender'));
    }
    if (!Object.hasOwn(requestSchemas, request.type)) throw new AppError('invalid-message', said('errorRequestNotUnderstood'));
    const type = request.type as RequestType;
    const parsed = requestSchemas[type].safeParse(request.data);
    if (!parsed.success) {
      throw new AppError('invalid-message', issueWords(parsed.error.issues[0]));
    }
    const handler = handlers[type] as (data: unknown) => Promise<unknown>;
    return { reply: await handler(parsed.data) };
  } catch (error) {
    return { failure: failureOf(error) };
  }
}

/** A request of the chip on instagram.com: only from our content script in an instagram.com tab, with no data. */
async function answerTabRequest(tabHandlers: TabHandlers | undefined, request: WireRequest, sender: SenderInfo | undefined) {
  const tab = instagramTabOf(sender, browser.runtime.id);
  if (!tab || !tabHandlers) throw new AppError('refused', said('errorRefusedSender'));
  const type = request.type as TabRequestType;
  if (!tabRequestSchemas[type].safeParse(request.data).success) throw new AppError('invalid-message', said('errorRequestNotUnderstood'));
  return tabHandlers[type](tab);
}

function isWireRequest(message: unknown): message is WireRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as WireRequest).collabDesk === 1 &&
    typeof (message as WireRequest).type === 'string'
  );
}

function failureOf(error: unknown): WireFailure {
  if (error instanceof AppError) return { message: error.message, kind: error.kind, said: error.said, details: error.details };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Our schemas name a message key (or carry a Said); zod's own English never reaches a page. */
function issueWords(issue: { message: string; params?: Record<string, unknown> } | undefined): Said {
  if (issue?.params && isSaid(issue.params.said)) return issue.params.said;
  return issue && /^[a-z][A-Za-z]{2,60}$/.test(issue.message) ? said(issue.message as MessageKey) : said('errorRequestNotUnderstood');
}

export { extensionOrigin };
