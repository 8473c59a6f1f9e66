import { useMemo, useState } from 'preact/hooks';
import { planBulk, type BulkKind } from '@/utils/bulk/plan';
import { checkList, splitPastedList } from '@/utils/bulk/username-list';
import { sendMessage } from '@/utils/messaging/protocol';
import { BrandPicker } from './BrandPicker';
import { BulkInput } from './BulkInput';
import { BulkJobPanel } from './BulkJobPanel';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { DryRun } from './DryRun';
import { ErrorNotice } from './ErrorNotice';
import { useAction } from './use-action';
import { useBrandChoice } from './use-brand-choice';
import { useBulkJob } from './use-bulk-job';

/** Dashboard view: many creators at once, with a dry run, confirmation, progress and results. */
export function BulkView() {
  const { brands, brand, selectBrand, error: accessError } = useBrandChoice();
  const [text, setText] = useState('');
  const checked = useMemo(() => checkList(splitPastedList(text)), [text]);
  const { state: jobState, reload } = useBulkJob();
  const action = useAction();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [notice, setNotice] = useState<string>();

  const jobActive = jobState !== null && (jobState.job.state === 'running' || jobState.job.state === 'waiting');
  const blocked = brand !== undefined && !brand.readiness.ready;
  const canAct = brand !== undefined && !blocked && checked.usernames.length > 0 && !jobActive && !action.busy;

  async function prepare(kind: BulkKind) {
    if (!brand) return;
    setNotice(undefined);
    const list = await action.run(() => sendMessage('listPartnerships', { brandIgId: brand.igId }));
    if (!list) return;
    const plan = planBulk(kind, checked.usernames, list.value);
    if (plan.toRun === 0) {
      setNotice(`Nothing to ${kind === 'send' ? 'send' : 'revoke'}: ${plan.counts.map(([note, count]) => `${note}: ${count}`).join(', ')}.`);
      return;
    }
    setConfirm({
      title: kind === 'send' ? `Send ${plan.toRun} requests?` : `Revoke ${plan.toRun} permissions?`,
      message: <DryRun plan={plan} brandUsername={brand.username} invalid={checked.invalid.length} duplicates={checked.duplicates.length} />,
      onConfirm: () =>
        void action.run(async () => {
          await sendMessage('startBulkJob', {
            brandIgId: brand.igId,
            brandUsername: brand.username,
            kind,
            usernames: plan.steps.filter((step) => step.run).map((step) => step.username),
            creatorIds: Object.fromEntries(plan.steps.filter((step) => step.run && step.creatorId).map((step) => [step.username, step.creatorId!])),
            skipped: [
              ...plan.steps.filter((step) => !step.run).map((step) => ({ username: step.username, reason: step.note })),
              ...checked.invalid.map((entry) => ({ username: entry.input.slice(0, 300), reason: `Not a valid username: ${entry.reason}` })),
            ],
          });
          await reload();
        }),
    });
  }

  return (
    <section aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">Bulk</h2>
      <ErrorNotice error={accessError} />
      {brand && <BrandPicker brands={brands} selected={brand.igId} onSelect={selectBrand} />}
      {blocked && brand && (
        <p class="notice error" role="alert">
          Bulk actions are off for @{brand.username}: {brand.readiness.problems.map((problem) => problem.message).join(' ')}
        </p>
      )}
      <BulkInput text={text} onText={setText} checked={checked} />
      <div class="row">
        <button type="button" class="primary" disabled={!canAct} onClick={() => prepare('send')}>
          Send requests
        </button>
        <button type="button" class="danger" disabled={!canAct} onClick={() => prepare('revoke')}>
          Revoke requests
        </button>
        {jobActive && <span class="muted">Wait for the running job to finish, or stop it, before starting another.</span>}
      </div>
      {notice && (
        <p class="notice info" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={action.error} />
      {jobState && <BulkJobPanel job={jobState.job} items={jobState.items} />}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
