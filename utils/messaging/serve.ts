import { browser } from 'wxt/browser';
import { AppError } from '../errors';
import { onMessage, type ParsedRequest, type ProtocolMap, type RequestType, type Reply } from './protocol';
import { requestSchemas } from './request-schemas';
import { isTrustedSender } from './trusted-sender';
import { isSaid, said, type MessageKey, type Said } from '../i18n/said';

export type Handlers = { [K in RequestType]: (data: ParsedRequest<K>) => Promise<Reply<K>> };

function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/** Registers every handler behind the sender check and the request's zod schema. */
export function serveProtocol(handlers: Handlers): void {
  for (const type of Object.keys(requestSchemas) as RequestType[]) {
    onMessage(type, async (message) => {
      if (!isTrustedSender(message.sender, browser.runtime.id, extensionOrigin())) {
        throw new AppError('refused', said('errorRefusedSender'));
      }
      const parsed = requestSchemas[type].safeParse(message.data);
      if (!parsed.success) {
        throw new AppError('invalid-message', issueWords(parsed.error.issues[0]));
      }
      const handler = handlers[type] as (data: unknown) => Promise<ReturnType<ProtocolMap[typeof type]>>;
      return handler(parsed.data);
    });
  }
}

/** Our schemas name a message key (or carry a Said); zod's own English never reaches a page. */
function issueWords(issue: { message: string; params?: Record<string, unknown> } | undefined): Said {
  if (issue?.params && isSaid(issue.params.said)) return issue.params.said;
  return issue && /^[a-z][A-Za-z]{2,60}$/.test(issue.message) ? said(issue.message as MessageKey) : said('errorRequestNotUnderstood');
}

export { extensionOrigin };
