import { useMemo, useState } from 'preact/hooks';
import { csvFileName, downloadCsv } from '@/utils/export/csv';
import { plural, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/protocol';
import { creatorLabel, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { statusWord } from '@/utils/partnerships/status';
import { countByStatus, createRowFilter, sortRows, type SortColumn, type TableQuery } from '@/utils/partnerships/table-view';
import { isEndedTerm, matchesNoteFilters, noteKey, today, waitingFor, type TermsFilter } from '@/utils/notes/note';
import { approvalMessage } from '@/utils/notes/follow-up';
import { ALL_BRANDS, BrandPicker } from '../shared/BrandPicker';
import { ConfirmDialog, type ConfirmRequest } from '../shared/ConfirmDialog';
import { ErrorNotice } from '../shared/ErrorNotice';
import { KeptActions } from '../shared/KeptActions';
import { RefreshBar } from '../shared/RefreshBar';
import { announce } from '../shared/announce';
import { formatDay } from '../shared/format';
import { useAction } from '../shared/hooks/use-action';
import { useBrandChoice } from '../shared/hooks/use-brand-choice';
import { useKeptActions } from '../shared/hooks/use-kept-actions';
import { useNotes } from '../shared/hooks/use-notes';
import { BrandCounts } from './BrandCounts';
import { FollowUpBar } from './FollowUpBar';
import { NoteDialog, type NoteEdit } from './NoteDialog';
import { partnershipsCsv } from './partnerships-csv';
import { PartnershipsFilters } from './PartnershipsFilters';
import { PartnershipsTable } from './PartnershipsTable';
import { SendRequestForm, useSendRequest } from './SendRequestForm';
import { usePartnershipList } from './use-partnership-list';
import { useWaitingAfterDays } from './use-waiting-after-days';
import { WhatChanged } from './WhatChanged';

/** Dashboard view: all of a brand's creator permissions, and one creator to ask. */
export function PartnershipsView() {
  const { brands, brand, brandUsernames, selectBrand, error: accessError } = useBrandChoice();
  // All brands is this view's own choice: the popup keeps the brand chosen last.
  const [allBrands, setAllBrands] = useState(false);
  const showAll = allBrands && brands.length > 1;
  // Meta refuses the list for the same reasons it refuses sends, so a brand that is not ready is not asked.
  const {
    list,
    error: listError,
    refreshing,
    refresh,
  } = usePartnershipList(showAll ? ALL_BRANDS : brand?.readiness.ready ? brand.igId : undefined);
  const kept = useKeptActions();
  const action = useAction();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [query, setQuery] = useState<TableQuery>({ search: '', status: '', sort: 'creator', descending: false });

  const permissions = list?.value ?? [];
  const counts = useMemo(() => countByStatus(permissions), [permissions]);
  // Sorted when the list or the sort changes; each keystroke of the search only filters.
  const sorted = useMemo(() => sortRows(permissions, query.sort, query.descending), [permissions, query.sort, query.descending]);
  const { byCreator, campaigns } = useNotes();
  const [terms, setTerms] = useState<TermsFilter>('');
  const [campaign, setCampaign] = useState('');
  const [note, setNote] = useState<NoteEdit>();
  const [waitingAfterDays, chooseWaitingAfterDays] = useWaitingAfterDays();
  const noteOf = (permission: PartnershipPermission) =>
    permission.creatorUsername
      ? byCreator.get(noteKey({ brandIgId: brandIdOf(permission), username: permission.creatorUsername }))
      : undefined;
  const brandIdOf = (permission: PartnershipPermission) => (showAll ? (permission.brandIgId ?? '') : (brand?.igId ?? ''));
  const day = today();
  // Typing on looks only among the matches of the search before; typing back is answered from memory.
  const [rowFilter] = useState(createRowFilter);
  // The terms and campaign filters read the person's notes beside Meta's records.
  const rows = useMemo(() => {
    const matching = rowFilter(sorted, query);
    if (!terms && !campaign) return matching;
    return matching.filter((permission) => matchesNoteFilters(noteOf(permission), { terms, campaign }));
  }, [sorted, query.search, query.status, terms, campaign, byCreator]);
  // Approved permissions whose term has passed: what Revoke ended terms offers (this brand only).
  // Worked out when the list or the notes change, not on each keystroke of the search.
  const endedTerms = useMemo(
    () => (showAll ? [] : permissions.filter((permission) => isEndedTerm(permission.status, noteOf(permission), day))),
    [permissions, byCreator, showAll, day],
  );
  const waiting = useMemo(
    () => permissions.filter((permission) => permission.creatorUsername && waitingFor(permission, waitingAfterDays) !== undefined),
    [permissions, waitingAfterDays],
  );
  const blocked = !showAll && brand !== undefined && !brand.readiness.ready;
  const brandOf = (permission: PartnershipPermission) => brandUsernames.get(permission.brandIgId ?? '') ?? permission.brandIgId ?? '';
  const send = useSendRequest(brand, permissions, action, setConfirm);

  if (!brand) {
    return (
      <section aria-labelledby="partnerships-heading">
        <h2 id="partnerships-heading">{t('partnershipsHeading')}</h2>
        <ErrorNotice error={accessError} />
        {!accessError && <p class="muted">{brands.length === 0 ? t('partnershipsLookingForBrands') : ''}</p>}
      </section>
    );
  }

  function sort(column: SortColumn) {
    setQuery((previous) => ({ ...previous, sort: column, descending: previous.sort === column ? !previous.descending : false }));
  }

  function askToRevoke(permission: PartnershipPermission) {
    // In All brands, each row is revoked for its own brand.
    const brandIgId = showAll ? permission.brandIgId : brand?.igId;
    if (!brandIgId || (!permission.creatorUsername && !permission.creatorId)) return;
    const label = creatorLabel(permission);
    setConfirm({
      title: t('confirmRevokeTitle', { creator: label }),
      action: t('confirmRevokeAction', { creator: label }),
      message: <p>{t('partnershipsRevokeMessage', { brand: brandUsernames.get(brandIgId) ?? brandIgId, creator: label })}</p>,
      onConfirm: () =>
        void action.run(async () => {
          const after = await sendMessage('revokePartnership', {
            brandIgId,
            username: permission.creatorUsername,
            creatorId: permission.creatorId,
          });
          announce(t('announceStatus', { creator: say(label), status: say(statusWord(after.status)) }));
        }),
    });
  }

  function askToRevokeEnded() {
    if (!brand || endedTerms.length === 0) return;
    const usernames = endedTerms.flatMap((permission) => (permission.creatorUsername ? [permission.creatorUsername] : []));
    setConfirm({
      title: plural('termsConfirmTitle', usernames.length),
      action: plural('termsConfirmAction', usernames.length),
      message: (
        <>
          <p>{t('termsConfirmMessage', { brand: brand.username })}</p>
          <ul class="ended-list">
            {endedTerms.map((permission) => (
              <li key={permission.creatorUsername}>
                <bdi>@{permission.creatorUsername}</bdi> · {t('notesEnded', { date: formatDay(noteOf(permission)?.endDate ?? '') })}
              </li>
            ))}
          </ul>
        </>
      ),
      // One job of the write pipeline: the plan is made from Meta's list, then run as confirmed here.
      onConfirm: () =>
        void action.run(async () => {
          const plan = await sendMessage('planBulkJob', { brandIgId: brand.igId, kind: 'revoke', usernames, invalid: [] });
          await sendMessage('startBulkJob', { jobId: plan.jobId });
          announce(plural('termsRevokeStarted', usernames.length));
        }),
    });
  }

  async function copyApprovalLink(permission: PartnershipPermission) {
    await navigator.clipboard.writeText(approvalMessage(permission, brandUsernames.get(brandIdOf(permission)) ?? ''));
    announce(t('followUpCopied', { creator: `@${permission.creatorUsername}` }));
  }

  async function copyWaitingLinks() {
    await navigator.clipboard.writeText(
      waiting.map((permission) => approvalMessage(permission, brandUsernames.get(brandIdOf(permission)) ?? '')).join('\n'),
    );
    announce(plural('followUpCopiedMany', waiting.length));
  }

  function exportCsv() {
    if (!brand) return;
    const csv = partnershipsCsv(rows, noteOf, showAll ? brandOf : undefined);
    downloadCsv(csvFileName(showAll ? 'all-brands' : brand.username, 'partnerships'), csv);
  }

  function choose(igId: string) {
    setAllBrands(igId === ALL_BRANDS);
    if (igId !== ALL_BRANDS) selectBrand(igId);
  }

  return (
    <section aria-labelledby="partnerships-heading">
      <div class="row view-heading">
        <h2 id="partnerships-heading">{t('partnershipsHeading')}</h2>
        <RefreshBar fetchedAt={list?.fetchedAt} refreshing={refreshing} onRefresh={refresh} />
      </div>
      <BrandPicker brands={brands} selected={showAll ? ALL_BRANDS : brand.igId} onSelect={choose} withAllBrands />
      <WhatChanged />
      {blocked && (
        <p class="notice error" role="alert">
          {t('partnershipsOffForBrand', {
            brand: brand.username,
            problems: brand.readiness.problems.map((problem) => say(problem.message)).join(' '),
          })}
        </p>
      )}
      <KeptActions actions={kept} brandUsernames={brandUsernames} />

      {showAll && list?.brands && <BrandCounts brands={list.brands} records={permissions} />}
      {showAll ? (
        <p class="muted">{t('partnershipsAllBrandsSendHint')}</p>
      ) : (
        <SendRequestForm send={send} disabled={blocked || action.busy} />
      )}
      <ErrorNotice error={action.error ?? listError} />

      <PartnershipsFilters
        counts={counts}
        total={permissions.length}
        shown={rows.length}
        query={query}
        onQuery={setQuery}
        terms={terms}
        onTerms={setTerms}
        campaign={campaign}
        onCampaign={setCampaign}
        campaigns={campaigns}
        onExport={exportCsv}
      />
      <FollowUpBar
        endedCount={endedTerms.length}
        onRevokeEnded={askToRevokeEnded}
        revokeDisabled={blocked || action.busy}
        waitingAfterDays={waitingAfterDays}
        onWaitingAfterDays={chooseWaitingAfterDays}
        waitingCount={waiting.length}
        onCopyWaiting={() => void copyWaitingLinks()}
      />
      {!list && !listError && !blocked && (
        <p class="muted">{showAll ? t('partnershipsLoadingAllBrands') : t('partnershipsLoading', { brand: brand.username })}</p>
      )}
      {list && (
        <PartnershipsTable
          rows={rows}
          query={query}
          onSort={sort}
          onRevoke={askToRevoke}
          actionsDisabled={blocked || action.busy}
          brandOf={showAll ? brandOf : undefined}
          noteOf={noteOf}
          onEdit={(permission) =>
            setNote({
              brandIgId: brandIdOf(permission),
              brandUsername: brandUsernames.get(brandIdOf(permission)) ?? '',
              username: permission.creatorUsername!,
              note: noteOf(permission),
            })
          }
          onCopyLink={(permission) => void copyApprovalLink(permission)}
          waitingAfterDays={waitingAfterDays}
        />
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
      <NoteDialog
        edit={note}
        campaigns={campaigns}
        onClose={() => setNote(undefined)}
        onSave={(endDate, campaignName) => {
          if (!note) return;
          void action.run(async () => {
            await sendMessage('saveNote', { brandIgId: note.brandIgId, username: note.username, endDate, campaign: campaignName });
            announce(t('notesSaved', { creator: `@${note.username}` }));
          });
        }}
      />
    </section>
  );
}
