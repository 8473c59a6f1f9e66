import type { Words } from '../i18n/said';

/** One action Collab Desk took on the person's behalf, kept locally for their records. */
export interface AuditEntry {
  id?: number;
  at: number;
  brandIgId: string;
  brandUsername?: string;
  /** The creator's username, or "#<Instagram ID>" when Meta named them by ID only. */
  creator: string;
  action: 'send' | 'revoke';
  /** Skipped: a kept send not made, as the creator turned out to be already asked. */
  outcome: 'Sent' | 'Revoked' | 'Failed' | 'Skipped';
  /** Why it failed or how it was confirmed, as words (a string only in entries of older versions). */
  reason?: Words;
  source: 'single' | 'bulk';
}
