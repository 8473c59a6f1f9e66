import type { PlanSummary } from '@/utils/bulk/pipeline';
import { i18n, plural, say, t } from '@/utils/i18n';

/** What a bulk action will do, counted, before anything is sent (planned in the background on Meta's fresh list). */
export function DryRun({ plan, duplicates }: { plan: PlanSummary; duplicates: number }) {
  const { brandUsername, invalid } = plan;
  return (
    <>
      <p>{plural(plan.kind === 'send' ? 'bulkDryRunSend' : 'bulkDryRunRevoke', plan.toRun, { brand: brandUsername })}</p>
      <table class="data" aria-label={t('bulkDryRunLabel')}>
        <tbody>
          {plan.counts.map(([note, count]) => (
            <tr key={say(note)}>
              <th scope="row">{say(note)}</th>
              <td>{i18n.number(count)}</td>
            </tr>
          ))}
          {invalid > 0 && (
            <tr>
              <th scope="row">{t('bulkDryRunInvalid')}</th>
              <td>{i18n.number(invalid)}</td>
            </tr>
          )}
          {duplicates > 0 && (
            <tr>
              <th scope="row">{t('bulkDryRunDuplicates')}</th>
              <td>{i18n.number(duplicates)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <details>
        <summary>{t('bulkDryRunEachCreator')}</summary>
        {/* A long list scrolls in its box: in the tab order, so the keyboard can scroll it too. */}
        <ul class="invalid-list" tabIndex={0} aria-label={t('bulkDryRunEachCreator')}>
          {plan.steps.slice(0, 1000).map((step) => (
            <li key={step.username}>{t('bulkDryRunStep', { creator: step.username, note: step.note })}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
