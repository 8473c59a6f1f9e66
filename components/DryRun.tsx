import type { PlanSummary } from '@/utils/bulk/pipeline';

/** What a bulk action will do, counted, before anything is sent (planned in the background on Meta's fresh list). */
export function DryRun({ plan, duplicates }: { plan: PlanSummary; duplicates: number }) {
  const { brandUsername, invalid } = plan;
  return (
    <>
      <p>
        {plan.kind === 'send'
          ? `${plan.toRun} creators will be asked to let @${brandUsername} run partnership ads with their handle.`
          : `${plan.toRun} creators' permissions for @${brandUsername} will be revoked.`}
      </p>
      <table class="data" aria-label="Dry run">
        <tbody>
          {plan.counts.map(([note, count]) => (
            <tr key={note}>
              <th scope="row">{note}</th>
              <td>{count}</td>
            </tr>
          ))}
          {invalid > 0 && (
            <tr>
              <th scope="row">Invalid, not sent</th>
              <td>{invalid}</td>
            </tr>
          )}
          {duplicates > 0 && (
            <tr>
              <th scope="row">Duplicates removed</th>
              <td>{duplicates}</td>
            </tr>
          )}
        </tbody>
      </table>
      <details>
        <summary>Each creator</summary>
        <ul class="invalid-list">
          {plan.steps.slice(0, 1000).map((step) => (
            <li key={step.username}>
              @{step.username}: {step.note}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
