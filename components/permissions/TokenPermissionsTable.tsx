import { say, t } from '@/utils/i18n';
import type { TokenPermission } from '@/utils/permissions/token-permissions';

const STATUS_WORDS = { granted: 'permissionsGranted', declined: 'permissionsDeclined', 'not-asked': 'permissionsNotAsked' } as const;

/** What the person allowed Collab Desk to do, against what each feature needs. */
export function TokenPermissionsTable({ permissions }: { permissions: TokenPermission[] }) {
  return (
    <table class="data">
      <caption>{t('permissionsTokenTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('permissionsColumnPermission')}</th>
          <th scope="col">{t('permissionsColumnStatus')}</th>
          <th scope="col">{t('permissionsColumnNeededFor')}</th>
        </tr>
      </thead>
      <tbody>
        {permissions.map((entry) => (
          <tr key={entry.permission}>
            <th scope="row">
              <code>{entry.permission}</code>
            </th>
            <td class={entry.status === 'granted' ? 'ok-text' : 'warn-text'}>{t(STATUS_WORDS[entry.status])}</td>
            <td>{entry.neededFor.map((feature) => say(feature)).join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
