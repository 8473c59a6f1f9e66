import { toCsv } from '@/utils/export/csv';
import { say } from '@/utils/i18n';
import type { CreatorNote } from '@/utils/notes/note';
import type { PartnershipPermission } from '@/utils/partnerships/permission-record';
import { statusWord } from '@/utils/partnerships/status';

/**
 * The table's rows as CSV: every record, the nameless ones by Instagram ID, with Meta's status exactly as
 * received beside the word, and the person's notes. `brandOf` is given in All brands, where each row names its brand.
 */
export function partnershipsCsv(
  rows: readonly PartnershipPermission[],
  noteOf: (permission: PartnershipPermission) => CreatorNote | undefined,
  brandOf?: (permission: PartnershipPermission) => string,
): string {
  const columns = ['creator_username', 'status', 'meta_status', 'requested_at', 'creator_id', 'permission_id', 'end_date', 'campaign'];
  const cells = (row: PartnershipPermission) => [
    row.creatorUsername,
    say(statusWord(row.status)),
    row.status,
    row.requestedAt,
    row.creatorId,
    row.id,
    noteOf(row)?.endDate,
    noteOf(row)?.campaign,
  ];
  return brandOf
    ? toCsv(
        ['brand_username', ...columns],
        rows.map((row) => [brandOf(row), ...cells(row)]),
      )
    : toCsv(columns, rows.map(cells));
}
