import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Business } from '@/utils/content/business-choice';

/** The business a brand's content is read under, chosen once per brand (the background keeps the choice). */
export function BusinessChoice({
  businesses,
  current,
  busy,
  onChoose,
  onCancel,
}: {
  businesses: readonly Business[];
  current?: string;
  busy: boolean;
  onChoose: (businessId: string) => void;
  onCancel?: () => void;
}) {
  const [chosen, setChosen] = useState(current ?? businesses[0]?.id ?? '');
  return (
    <form
      class="row business-choice"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) onChoose(chosen);
      }}
    >
      <div class="field">
        <label for="content-business">{t('contentBusinessLabel')}</label>
        <select id="content-business" value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          {businesses.map((business) => (
            <option key={business.id} value={business.id}>
              {business.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="primary" disabled={busy || !chosen}>
        {t('contentBusinessUse')}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('confirmCancel')}
        </button>
      )}
    </form>
  );
}
