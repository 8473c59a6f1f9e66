import type { MessageKey } from '@/utils/i18n/said';
import { t } from '@/utils/i18n';

/** A choice among the person's campaigns, with a first option meaning none (its words given). */
export function CampaignSelect({
  campaigns,
  value,
  onChange,
  none,
  ...labelling
}: {
  campaigns: readonly string[];
  value: string;
  onChange: (campaign: string) => void;
  none: MessageKey;
} & ({ id: string } | { 'aria-label': string })) {
  return (
    <select {...labelling} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{t(none)}</option>
      {campaigns.map((campaign) => (
        <option key={campaign} value={campaign}>
          {campaign}
        </option>
      ))}
    </select>
  );
}
