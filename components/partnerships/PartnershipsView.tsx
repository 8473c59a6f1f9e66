import { useMemo, useState } from 'preact/hooks';
import { csvFileName, downloadCsv, toCsv } from '@/utils/export/csv';
import { i18n, plural, say, t } from '@/utils/i18n';
import { checkUsername } from '@/utils/instagram/username';
import { sendMessage } from '@/utils/messaging/protocol';
import { creatorLabel, listedRecordOf, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { sendRefusal, statusKeyWord, statusWord } from '@/utils/partnerships/status';
import { countByStatus, createRowFilter, sortRows, type SortColumn, type TableQuery } from '@/utils/partnerships/table-view';
import { ALL_BRANDS, BrandPicker } from '../shared/BrandPicker';
import { BrandCounts } from './BrandCounts';
import { WhatChanged } from './WhatChanged';
import { NoteDialog, type NoteEdit } from './NoteDialog';
import { useNotes } from '../shared/hooks/use-notes';
import { formatDay } from '../shared/format';
import { CampaignSelect } from '../shared/CampaignSelect';
import { isEndedTerm, matchesNoteFilters, noteKey, today, waitingFor, type TermsFilter } from '@/utils/notes/note';
import { approvalMessage } from '@/utils/notes/follow-up';
import { ConfirmDialog, type ConfirmRequest } from '../shared/ConfirmDialog';
import { ErrorNotice } from '../shared/ErrorNotice';
import { KeptActions } from '../shared/KeptActions';
import { PartnershipsTable } from './PartnershipsTable';
import { RefreshBar } from '../shared/RefreshBar';
import { rich } from '../shared/rich';
import { useAction } from '../shared/hooks/use-action';
import { useBrandChoice } from '../shared/hooks/use-brand-choice';
import { useKeptActions } from '../shared/hooks/use-kept-actions';
import { usePartnershipList } from './use-partnership-list';
import { announce } from '../shared/announce';

/** Where the dashboard keeps the person's "waiting after N days" choice (a display preference, not Meta's data). */
const WAITING_AFTER_KEY = 'collab-desk-waiting-after-days';
function readWaitingAfterDays(): number {
  return Math.min(365, Math.max(1, Number(localStorage.getItem(WAITING_AFTER_KEY)) || 7));
}

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
  const [creatorInput, setCreatorInput] = useState('');
  const [sentNotice, setSentNotice] = useState<string>();

  const permissions = list?.value ?? [];
  const counts = useMemo(() => countByStatus(permissions), [permissions]);
  // Sorted when the list or the sort changes; each keystroke of the search only filters.
  const sorted = useMemo(() => sortRows(permissions, query.sort, query.descending), [permissions, query.sort, query.descending]);
  const { byCreator, campaigns } = useNotes();
  const [terms, setTerms] = useState<TermsFilter>('');
  const [campaign, setCampaign] = useState('');
  const [note, setNote] = useState<NoteEdit>();
  const [waitingAfterDays, setWaitingAfterDays] = useState(readWaitingAfterDays);
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
  const creatorCheck = creatorInput.trim() ? checkUsername(creatorInput) : undefined;
  const blocked = !showAll && brand !== undefined && !brand.readiness.ready;
  const brandOf = (permission: PartnershipPermission) => brandUsernames.get(permission.brandIgId ?? '') ?? permission.brandIgId ?? '';

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

  function askToSend(event: Event) {
    event.preventDefault();
    if (!creatorCheck?.ok || !brand) return;
    const username = creatorCheck.username;
    const existing = listedRecordOf(permissions, username).record;
    // The background refuses a second request too; saying so here spares the round trip.
    const refusal = sendRefusal(existing?.status, username, brand.username);
    if (refusal) {
      setSentNotice(say(refusal));
      return;
    }
    setConfirm({
      title: t('partnershipsConfirmSendTitle', { creator: username }),
      action: t('partnershipsConfirmSendAction', { creator: username }),
      message: (
        <p>
          {existing
            ? t('partnershipsConfirmSendMessageWithStatus', {
                creator: username,
                brand: brand.username,
                status: statusWord(existing.status),
              })
            : t('partnershipsConfirmSendMessage', { creator: username, brand: brand.username })}
        </p>
      ),
      onConfirm: () =>
        void action.run(async () => {
          setSentNotice(undefined);
          await sendMessage('sendPartnershipRequest', { brandIgId: brand.igId, username });
          setSentNotice(t('partnershipsRequestSent', { creator: username }));
          setCreatorInput('');
        }),
    });
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
    // Every record, the nameless ones by Instagram ID, with Meta's status exactly as received beside the word, and the person's notes.
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
    const csv = showAll
      ? toCsv(
          ['brand_username', ...columns],
          rows.map((row) => [brandOf(row), ...cells(row)]),
        )
      : toCsv(columns, rows.map(cells));
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
        <form class="card" onSubmit={askToSend}>
          <label for="dashboard-creator">{t('commonCreatorUsername')}</label>
          <div class="row">
            <input
              id="dashboard-creator"
              autoComplete="off"
              spellcheck={false}
              placeholder={t('commonCreatorPlaceholder')}
              value={creatorInput}
              onInput={(event) => setCreatorInput(event.currentTarget.value)}
              aria-invalid={creatorCheck && !creatorCheck.ok ? true : undefined}
            />
            <button type="submit" class="primary" disabled={!creatorCheck?.ok || blocked || action.busy}>
              {t('commonSendRequest')}
            </button>
          </div>
          {creatorCheck && !creatorCheck.ok && <p class="notice error">{say(creatorCheck.reason)}</p>}
          {sentNotice && (
            <p class="notice ok" role="status">
              {sentNotice}
            </p>
          )}
        </form>
      )}
      <ErrorNotice error={action.error ?? listError} />

      <ul class="counts" aria-label={t('partnershipsCountsLabel')}>
        <li>{rich(t('partnershipsCountAll'), { count: <strong>{i18n.number(permissions.length)}</strong> })}</li>
        {counts.map(([status, count]) => (
          <li key={status}>
            {rich(t('partnershipsCountStatus'), { status: say(statusKeyWord(status)), count: <strong>{i18n.number(count)}</strong> })}
          </li>
        ))}
      </ul>
      <div class="row filters">
        <input
          type="search"
          aria-label={t('partnershipsSearch')}
          placeholder={t('partnershipsSearch')}
          value={query.search}
          onInput={(event) => setQuery({ ...query, search: event.currentTarget.value })}
        />
        <select
          aria-label={t('partnershipsStatusFilter')}
          value={query.status}
          onChange={(event) => setQuery({ ...query, status: event.currentTarget.value })}
        >
          <option value="">{t('partnershipsAllStatuses')}</option>
          {counts.map(([status, count]) => (
            <option key={status} value={status}>
              {t('partnershipsStatusOption', { status: statusKeyWord(status), count })}
            </option>
          ))}
        </select>
        <span class="muted" role="status">
          {rows.length === permissions.length
            ? plural('partnershipsCreatorCount', rows.length)
            : plural('partnershipsCreatorsShown', permissions.length, { shown: rows.length, count: permissions.length })}
        </span>
        <select aria-label={t('notesTermsFilter')} value={terms} onChange={(event) => setTerms(event.currentTarget.value as typeof terms)}>
          <option value="">{t('notesAllTerms')}</option>
          <option value="ending">{t('notesEndingSoon')}</option>
          <option value="ended">{t('notesEndedFilter')}</option>
        </select>
        <CampaignSelect
          aria-label={t('notesCampaignFilter')}
          campaigns={campaigns}
          value={campaign}
          onChange={setCampaign}
          none="notesAllCampaigns"
        />
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          {t('commonExportCsv')}
        </button>
      </div>
      <div class="row filters">
        {endedTerms.length > 0 && (
          <button type="button" class="danger" onClick={askToRevokeEnded} disabled={blocked || action.busy}>
            {t('termsRevokeEnded')} ({i18n.number(endedTerms.length)})
          </button>
        )}
        <label class="inline" for="waiting-after">
          {t('followUpWaitingAfter')}
        </label>
        <input
          id="waiting-after"
          type="number"
          min={1}
          max={365}
          value={waitingAfterDays}
          onChange={(event) => {
            const days = Math.min(365, Math.max(1, Number(event.currentTarget.value) || 7));
            setWaitingAfterDays(days);
            localStorage.setItem(WAITING_AFTER_KEY, String(days));
          }}
        />
        <button type="button" onClick={() => void copyWaitingLinks()} disabled={waiting.length === 0}>
          {plural('followUpCopyAll', waiting.length)}
        </button>
      </div>
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
