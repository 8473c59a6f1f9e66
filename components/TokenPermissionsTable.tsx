import type { TokenPermission } from '@/utils/permissions/token-permissions';

const STATUS_WORDS = { granted: 'Granted', declined: 'Declined', 'not-asked': 'Not asked' } as const;

/** What the person allowed Collab Desk to do, against what each feature needs. */
export function TokenPermissionsTable({ permissions }: { permissions: TokenPermission[] }) {
  return (
    <table class="data">
      <caption>Permissions you gave Collab Desk</caption>
      <thead>
        <tr>
          <th scope="col">Permission</th>
          <th scope="col">Status</th>
          <th scope="col">Needed for</th>
        </tr>
      </thead>
      <tbody>
        {permissions.map((entry) => (
          <tr key={entry.permission}>
            <th scope="row">
              <code>{entry.permission}</code>
            </th>
            <td class={entry.status === 'granted' ? 'ok-text' : 'warn-text'}>{STATUS_WORDS[entry.status]}</td>
            <td>{entry.neededFor.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
