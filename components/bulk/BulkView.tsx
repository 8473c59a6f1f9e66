import { useMemo, useState } from 'preact/hooks';
import type { ActionKind } from '@/utils/partnerships/status';
import { checkList, firstRow, headerOf, listLimitProblem, rowKey, splitPastedList, withoutHeader } from '@/utils/bulk/username-list';
import { plural, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { BrandPicker } from '../shared/BrandPicker';
import { BulkInput } from './BulkInput';
import { BulkJobPanel } from './BulkJobPanel';
import { ConfirmDialog, type ConfirmRequest } from '../shared/ConfirmDialog';
import { DryRun } from './DryRun';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';
import { useBrandChoice } from '../shared/hooks/use-brand-choice';
import { useBulkJob } from './use-bulk-job';
import { useSettledValue } from './use-settled-value';
import { said } from '@/utils/i18n/said';
import { useNotes } from '../shared/hooks/use-notes';
import { CampaignSelect } from '../shared/CampaignSelect';
import { useHeaderChoice } from './use-header-choice';

/** Lists longer than this are checked once typing pauses, not on every keystroke. */
const LONG_LIST_CHARS = 20_000;

/** Dashboard view: many creators at once, with a dry run, confirmation, progress and results. */
export function BulkView() {
  const { brands, brand, selectBrand, error: accessError } = useBrandChoice();
  const [text, setText] = useState('');
  const headerChoice = useHeaderChoice();
  const checkedText = useSettledValue(text, text.length > LONG_LIST_CHARS ? 250 : 0);
  const entries = useMemo(() => splitPastedList(checkedText), [checkedText]);
  const first = useMemo(() => firstRow(entries), [entries]);
  const header = useMemo(() => headerOf(entries, headerChoice.choice), [entries, headerChoice.choice]);
  const checked = useMemo(() => checkList(withoutHeader(entries, header)), [entries, header]);
  const checking = checkedText !== text;
  const limitProblem = listLimitProblem(checked);
  const { state: jobState, reload } = useBulkJob();
  const action = useAction();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [notice, setNotice] = useState<string>();
  const { notes } = useNotes();
  // The brand's campaigns (the person's notes): a campaign fills the list with its creators; the dry run then says who is new.
  const brandNotes = notes.filter((note) => note.brandIgId === brand?.igId && note.campaign);
  const campaigns = [...new Set(brandNotes.map((note) => note.campaign!))].sort((a, b) => a.localeCompare(b));

  const jobActive = jobState !== null && (jobState.job.state === 'running' || jobState.job.state === 'waiting');
  const blocked = brand !== undefined && !brand.readiness.ready;
  const canAct =
    brand !== undefined && !blocked && !checking && !limitProblem && checked.usernames.length > 0 && !jobActive && !action.busy;

  function changeText(next: string, header?: boolean) {
    setText(next);
    headerChoice.textChanged(next, header);
  }

  /** The dry run is made in the background, on Meta's fresh list; Confirm starts exactly that plan. */
  async function prepare(kind: ActionKind) {
    if (!brand) return;
    setNotice(undefined);
    const invalid = checked.invalid.map((entry) => ({ input: entry.input.slice(0, 300) }));
    const plan = await action.run(() => sendMessage('planBulkJob', { brandIgId: brand.igId, kind, usernames: checked.usernames, invalid }));
    if (!plan) return;
    if (!plan.jobId) {
      const counts = { list: plan.counts.map(([note, count]) => said('bulkNoteCount', { note, count })) };
      setNotice(t(kind === 'send' ? 'bulkNothingToSend' : 'bulkNothingToRevoke', { counts }));
      return;
    }
    setConfirm({
      title: plural(kind === 'send' ? 'bulkConfirmSendTitle' : 'bulkConfirmRevokeTitle', plan.toRun, {}),
      action: plural(kind === 'send' ? 'bulkConfirmSendAction' : 'bulkConfirmRevokeAction', plan.toRun, {}),
      message: <DryRun plan={plan} duplicates={checked.duplicates.length} />,
      onConfirm: () =>
        void action.run(async () => {
          await sendMessage('startBulkJob', { jobId: plan.jobId });
          await reload();
        }),
      onCancel: () => void sendMessage('discardBulkPlan', { jobId: plan.jobId }).catch(() => undefined),
    });
  }

  return (
    <section aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('bulkHeading')}</h2>
      <ErrorNotice error={accessError} />
      {brand && <BrandPicker brands={brands} selected={brand.igId} onSelect={selectBrand} />}
      {blocked && brand && (
        <p class="notice error" role="alert">
          {t('bulkOffForBrand', {
            brand: brand.username,
            problems: brand.readiness.problems.map((problem) => say(problem.message)).join(' '),
          })}
        </p>
      )}
      {campaigns.length > 0 && (
        <div class="field row">
          <label class="inline" for="bulk-campaign">
            {t('bulkFromCampaign')}
          </label>
          <CampaignSelect
            id="bulk-campaign"
            campaigns={campaigns}
            value=""
            none="bulkChooseCampaign"
            onChange={(campaign) => {
              // The person's own notes hold usernames only: no header row.
              if (campaign)
                changeText(
                  brandNotes
                    .filter((note) => note.campaign === campaign)
                    .map((note) => note.username)
                    .join('\n'),
                  false,
                );
            }}
          />
        </div>
      )}
      <BulkInput
        text={text}
        onText={changeText}
        firstRow={first}
        header={header}
        onHeader={(isHeader) => headerChoice.choose(rowKey(first), isHeader)}
        checked={checked}
        checking={checking}
        limitProblem={limitProblem}
        brandIgId={brand?.igId}
      />
      <div class="row">
        <button type="button" class="primary" disabled={!canAct} onClick={() => prepare('send')}>
          {t('bulkSendRequests')}
        </button>
        <button type="button" class="danger" disabled={!canAct} onClick={() => prepare('revoke')}>
          {t('bulkRevokeRequests')}
        </button>
        {jobActive && <span class="muted">{t('bulkWaitForJob')}</span>}
      </div>
      {notice && (
        <p class="notice info" role="status">
          {notice}
        </p>
      )}
      <ErrorNotice error={action.error} />
      {jobState && <BulkJobPanel job={jobState.job} items={jobState.items} counts={jobState.counts} />}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
