/** One action Collab Desk took on the person's behalf, kept locally for their records. */
export interface AuditEntry {
  id?: number;
  at: number;
  brandIgId: string;
  brandUsername?: string;
  /** The creator's username, or "#<Instagram ID>" when Meta named them by ID only. */
  creator: string;
  action: 'send' | 'revoke';
  outcome: 'Sent' | 'Revoked' | 'Failed';
  reason?: string;
  source: 'single' | 'bulk';
}
