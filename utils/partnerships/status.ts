/** The status words people see (UI contract); any other value is shown as Meta sent it. */
export const STATUS_WORDS = { APPROVED: 'Approved', PENDING: 'Pending', REVOKED: 'Revoked' } as const;
export const NOT_REQUESTED = 'Not requested';

export type StatusGroup = 'approved' | 'pending' | 'revoked' | 'not-requested' | 'other';

export function statusGroup(status: string | undefined): StatusGroup {
  if (status === undefined) return 'not-requested';
  const upper = status.trim().toUpperCase();
  if (upper === 'APPROVED') return 'approved';
  if (upper === 'PENDING') return 'pending';
  if (upper === 'REVOKED') return 'revoked';
  return 'other';
}

/** "Approved", "Pending", "Revoked", "Not requested", or the raw value for anything else. */
export function statusWord(status: string | undefined): string {
  const group = statusGroup(status);
  if (group === 'not-requested') return NOT_REQUESTED;
  if (group === 'other') return status!;
  return STATUS_WORDS[status!.trim().toUpperCase() as keyof typeof STATUS_WORDS];
}

/** Revoke makes sense while a permission is granted or still waiting for the creator. */
export function canRevoke(status: string | undefined): boolean {
  const group = statusGroup(status);
  return group === 'approved' || group === 'pending';
}

/** A new request makes sense unless one is already approved or pending. */
export function canSend(status: string | undefined): boolean {
  return !canRevoke(status);
}
