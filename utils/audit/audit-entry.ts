import type { Words } from '../i18n/said';

/**
 * The log's word for each state a job item ends in that it records (the English word, also in
 * the exported CSV). Skipped: a kept send not made, as the creator turned out to be already asked.
 */
export const AUDIT_OUTCOMES = { sent: 'Sent', revoked: 'Revoked', failed: 'Failed', skipped: 'Skipped' } as const;

/** One action Collab Desk took on the person's behalf, kept locally for their records. */
export interface AuditEntry {
  id?: number;
  at: number;
  brandIgId: string;
  brandUsername?: string;
  /** The creator's username, or "#<Instagram ID>" when Meta named them by ID only. */
  creator: string;
  action: 'send' | 'revoke';
  outcome: (typeof AUDIT_OUTCOMES)[keyof typeof AUDIT_OUTCOMES];
  /** Why it failed or how it was confirmed, as words (a string only in entries of older versions). */
  reason?: Words;
  source: 'single' | 'bulk';
}
