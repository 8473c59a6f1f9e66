import { browser } from 'wxt/browser';
import { AppError } from '../errors';
import { onMessage, type ParsedRequest, type ProtocolMap, type RequestType, type Reply } from './protocol';
import { requestSchemas } from './request-schemas';
import { isTrustedSender } from './trusted-sender';

export type Handlers = { [K in RequestType]: (data: ParsedRequest<K>) => Promise<Reply<K>> };

function extensionOrigin(): string {
  return new URL(browser.runtime.getURL('/')).origin;
}

/** Registers every handler behind the sender check and the request's zod schema. */
export function serveProtocol(handlers: Handlers): void {
  for (const type of Object.keys(requestSchemas) as RequestType[]) {
    onMessage(type, async (message) => {
      if (!isTrustedSender(message.sender, browser.runtime.id, extensionOrigin())) {
        throw new AppError('refused', 'Collab Desk only answers its own pages.');
      }
      const parsed = requestSchemas[type].safeParse(message.data);
      if (!parsed.success) {
        throw new AppError('invalid-message', parsed.error.issues[0]?.message ?? 'That request was not understood.');
      }
      const handler = handlers[type] as (data: unknown) => Promise<ReturnType<ProtocolMap[typeof type]>>;
      return handler(parsed.data);
    });
  }
}

export { extensionOrigin };
