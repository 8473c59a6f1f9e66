import { useMemo, useState } from 'preact/hooks';
import { csvFileName, downloadCsv, toCsv } from '@/utils/export/csv';
import { checkUsername } from '@/utils/instagram/username';
import { sendMessage } from '@/utils/messaging/protocol';
import { creatorLabel, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { canSend, noActionReason, statusWord } from '@/utils/partnerships/status';
import { countByStatus, tableRows, type SortColumn, type TableQuery } from '@/utils/partnerships/table-view';
import { BrandPicker } from './BrandPicker';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { KeptActions } from './KeptActions';
import { PartnershipsTable } from './PartnershipsTable';
import { RefreshBar } from './RefreshBar';
import { useAction } from './use-action';
import { useBrandChoice } from './use-brand-choice';
import { useKeptActions } from './use-kept-actions';
import { usePartnershipList } from './use-partnership-list';

/** Dashboard view: all of a brand's creator permissions, and one creator to ask. */
export function PartnershipsView() {
  const { brands, brand, brandUsernames, selectBrand, error: accessError } = useBrandChoice();
  // Meta refuses the list for the same reasons it refuses sends, so a brand that is not ready is not asked.
  const { list, error: listError, refreshing, refresh } = usePartnershipList(brand?.readiness.ready ? brand.igId : undefined);
  const kept = useKeptActions();
  const action = useAction();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [query, setQuery] = useState<TableQuery>({ search: '', status: '', sort: 'creator', descending: false });
  const [creatorInput, setCreatorInput] = useState('');
  const [sentNotice, setSentNotice] = useState<string>();

  const permissions = list?.value ?? [];
  const counts = useMemo(() => countByStatus(permissions), [permissions]);
  const rows = useMemo(() => tableRows(permissions, query), [permissions, query]);
  const creatorCheck = creatorInput.trim() ? checkUsername(creatorInput) : undefined;
  const blocked = brand !== undefined && !brand.readiness.ready;

  if (!brand) {
    return (
      <section aria-labelledby="partnerships-heading">
        <h2 id="partnerships-heading">Partnerships</h2>
        <ErrorNotice error={accessError} />
        {!accessError && <p class="muted">{brands.length === 0 ? 'Looking for your brand accounts…' : ''}</p>}
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
    const existing = permissions.find((permission) => permission.creatorUsername === username);
    if (existing && !canSend(existing.status)) {
      setSentNotice(
        noActionReason(existing.status) ??
          `@${username} is already ${statusWord(existing.status)} for @${brand.username}; no second request is sent.`,
      );
      return;
    }
    setConfirm({
      title: `Send a request to @${username}?`,
      action: `Send a request to @${username}`,
      message: (
        <p>
          @{username} will be asked in the Instagram app to let @{brand.username} run partnership ads with their handle.
          {existing && ` Their current status is ${statusWord(existing.status)}.`}
        </p>
      ),
      onConfirm: () =>
        void action.run(async () => {
          setSentNotice(undefined);
          await sendMessage('sendPartnershipRequest', { brandIgId: brand.igId, username });
          setSentNotice(`Request sent to @${username}: Pending until they accept in Instagram.`);
          setCreatorInput('');
        }),
    });
  }

  function askToRevoke(permission: PartnershipPermission) {
    if (!brand || (!permission.creatorUsername && !permission.creatorId)) return;
    const label = creatorLabel(permission);
    setConfirm({
      title: `Revoke ${label}?`,
      action: `Revoke ${label}`,
      message: (
        <p>
          @{brand.username} will no longer be able to run partnership ads with the handle of {label}.
        </p>
      ),
      onConfirm: () =>
        void action.run(() =>
          sendMessage('revokePartnership', {
            brandIgId: brand.igId,
            username: permission.creatorUsername,
            creatorId: permission.creatorId,
          }),
        ),
    });
  }

  function exportCsv() {
    if (!brand) return;
    // Every record, the nameless ones by Instagram ID, with Meta's status exactly as received beside the word.
    const csv = toCsv(
      ['creator_username', 'status', 'meta_status', 'requested_at', 'creator_id', 'permission_id'],
      rows.map((row) => [row.creatorUsername, statusWord(row.status), row.status, row.requestedAt, row.creatorId, row.id]),
    );
    downloadCsv(csvFileName(brand.username, 'partnerships'), csv);
  }

  return (
    <section aria-labelledby="partnerships-heading">
      <div class="row view-heading">
        <h2 id="partnerships-heading">Partnerships</h2>
        <RefreshBar fetchedAt={list?.fetchedAt} refreshing={refreshing} onRefresh={refresh} />
      </div>
      <BrandPicker brands={brands} selected={brand.igId} onSelect={selectBrand} />
      {blocked && (
        <p class="notice error" role="alert">
          Sending and revoking are off for @{brand.username}: {brand.readiness.problems.map((problem) => problem.message).join(' ')}
        </p>
      )}
      <KeptActions actions={kept} brandUsernames={brandUsernames} />

      <form class="card" onSubmit={askToSend}>
        <label for="dashboard-creator">Creator username</label>
        <div class="row">
          <input
            id="dashboard-creator"
            autoComplete="off"
            spellcheck={false}
            placeholder="e.g. maya.trails"
            value={creatorInput}
            onInput={(event) => setCreatorInput(event.currentTarget.value)}
            aria-invalid={creatorCheck && !creatorCheck.ok ? true : undefined}
          />
          <button type="submit" class="primary" disabled={!creatorCheck?.ok || blocked || action.busy}>
            Send request
          </button>
        </div>
        {creatorCheck && !creatorCheck.ok && <p class="notice error">{creatorCheck.reason}</p>}
        {sentNotice && (
          <p class="notice ok" role="status">
            {sentNotice}
          </p>
        )}
      </form>
      <ErrorNotice error={action.error ?? listError} />

      <ul class="counts" aria-label="Counts per status">
        <li>
          <strong>{permissions.length}</strong> in all
        </li>
        {counts.map(([word, count]) => (
          <li key={word}>
            {word}: <strong>{count}</strong>
          </li>
        ))}
      </ul>
      <div class="row filters">
        <input
          type="search"
          aria-label="Search creators"
          placeholder="Search creators"
          value={query.search}
          onInput={(event) => setQuery({ ...query, search: event.currentTarget.value })}
        />
        <select aria-label="Status" value={query.status} onChange={(event) => setQuery({ ...query, status: event.currentTarget.value })}>
          <option value="">All statuses</option>
          {counts.map(([word, count]) => (
            <option key={word} value={word}>
              {word} ({count})
            </option>
          ))}
        </select>
        <span class="muted" role="status">
          {rows.length === permissions.length ? `${rows.length} creators` : `${rows.length} of ${permissions.length} creators`}
        </span>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
      </div>
      {!list && !listError && !blocked && <p class="muted">Loading @{brand.username}'s creator permissions…</p>}
      {list && (
        <PartnershipsTable rows={rows} query={query} onSort={sort} onRevoke={askToRevoke} actionsDisabled={blocked || action.busy} />
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
