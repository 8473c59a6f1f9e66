import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkUsername } from '@/utils/instagram/username';
import { say, t } from '@/utils/i18n';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import { statusWord } from '@/utils/partnerships/status';
import type { Readiness } from '@/utils/permissions/readiness';
import type { ConfirmRequest } from '../shared/ConfirmDialog';
import { lazyComponent } from '../shared/lazy-component';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toActionError, type ActionError } from '../shared/hooks/use-action';
import { announce } from '../shared/announce';
import { AllBrandsTable } from './AllBrandsTable';
import { ChosenBrandStatus } from './ChosenBrandStatus';
import { RecentCreators } from './RecentCreators';
import { standingOf, type BrandRow, type StandingActions } from './standing-parts';

type Lookup = Reply<'lookupCreator'>;
type Standings = Reply<'lookupCreatorAcrossBrands'>;

// Loaded when a send or revoke is first asked to confirm.
const ConfirmDialog = lazyComponent(() => import('../shared/ConfirmDialog').then((module) => module.ConfirmDialog));

const TYPING_PAUSE_MS = 300;

/**
 * The popup's quick lookup: one creator's status for the chosen brand first, large, with its
 * action; then the All brands table (every brand account, the chosen one first) with Send
 * request / Revoke in each row. With the box empty, the last creators looked up, one click each.
 */
export function CreatorLookup({
  brandIgId,
  brandUsername,
  readiness,
  initialUsername,
  initialLookup,
  recent,
  picker,
}: {
  brandIgId: string;
  brandUsername: string;
  readiness: Readiness;
  initialUsername?: string;
  /** The cached answer for initialUsername, shown until the background's (the popup's glance). */
  initialLookup?: Lookup;
  /** The creators looked up last, newest first (read at first paint). */
  recent: string[];
  /** The brand chooser and its readiness, shown between the status and the box. */
  picker: ComponentChild;
}) {
  const [input, setInput] = useState(initialUsername ?? '');
  const [standings, setStandings] = useState<Standings>();
  const [pendingAction, setPendingAction] = useState<{ username: string; brandIgId: string; status: string }>();
  const [lookupError, setLookupError] = useState<ActionError>();
  const [actionError, setActionError] = useState<ActionError>();
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const latest = useRef(0);
  const box = useRef<HTMLInputElement>(null);
  /** A name picked from the recent list: looked up at once, not after a typing pause. */
  const picked = useRef<string>();

  // A brand that is not ready is not looked up for: the picker says why, and another brand can be chosen.
  const check = readiness.ready && input.trim() ? checkUsername(input) : undefined;
  const username = check?.ok ? check.username : undefined;

  async function runLookup(name: string) {
    const ticket = ++latest.current;
    try {
      // Every brand at once: one batch request to Meta when nothing is cached, none when it is.
      const answer = await sendMessage('lookupCreatorAcrossBrands', { username: name });
      if (ticket === latest.current) {
        setStandings(answer);
        setLookupError(undefined);
      }
    } catch (caught) {
      if (ticket === latest.current) setLookupError(toActionError(caught));
    }
  }

  // The popup is for typing a name: the box has focus when it opens (not when a brand is picked later).
  useEffect(() => {
    if (document.activeElement === document.body) box.current?.focus();
  }, []);

  function pick(name: string) {
    picked.current = name;
    setInput(name);
  }

  useEffect(() => {
    setStandings((previous) => (previous?.username === username ? previous : undefined));
    setActionError(undefined);
    if (!username) return;
    const timer = setTimeout(
      () => void runLookup(username),
      initialUsername === username || picked.current === username ? 0 : TYPING_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [username, brandIgId]);

  useEffect(
    () =>
      subscribeToBackgroundEvents((event) => {
        if (event.type === 'data-changed' && event.area === 'partnerships' && username) void runLookup(username);
      }),
    [brandIgId, username],
  );

  /** Says the action is on its way; the status word follows Meta's answer. */
  async function act(kind: 'send' | 'revoke', row: { brandIgId: string; creatorId?: string }) {
    if (!username) return;
    setBusy(true);
    setActionError(undefined);
    setPendingAction({ username, brandIgId: row.brandIgId, status: kind === 'send' ? 'PENDING' : 'REVOKED' });
    try {
      const permission =
        kind === 'send'
          ? await sendMessage('sendPartnershipRequest', { brandIgId: row.brandIgId, username })
          : await sendMessage('revokePartnership', { brandIgId: row.brandIgId, username, creatorId: row.creatorId });
      announce(t('announceStatus', { creator: `@${username}`, status: say(statusWord(permission.status)) }));
      // The answer belongs to this creator and brand only, whatever is typed by now.
      setStandings((previous) =>
        previous?.username === username
          ? {
              ...previous,
              brands: previous.brands.map((entry) =>
                entry.brandIgId === row.brandIgId
                  ? { ...entry, standing: { brandIgId: row.brandIgId, permission, fetchedAt: Date.now(), refreshing: false } }
                  : entry,
              ),
            }
          : previous,
      );
    } catch (caught) {
      setActionError(toActionError(caught));
    } finally {
      setPendingAction(undefined);
      setBusy(false);
    }
  }

  // Nothing is shown under a name it does not belong to: an answer or a pending action for
  // another name (typed over, or still on its way) is not this creator's.
  const shownStandings = standings?.username === username ? standings : undefined;
  const glance = initialLookup?.username === username ? initialLookup : undefined;
  // Every brand once the background answers; until then the chosen brand's row from the glance painted first.
  const rows: BrandRow[] =
    shownStandings?.brands ??
    (glance
      ? [
          {
            brandIgId,
            brandUsername,
            readiness,
            standing: { brandIgId, permission: glance.permission, fetchedAt: glance.fetchedAt, refreshing: glance.refreshing },
          },
        ]
      : []);
  const pendingFor = (rowBrandIgId: string) =>
    pendingAction && pendingAction.username === username && pendingAction.brandIgId === rowBrandIgId ? pendingAction.status : undefined;
  const chosenRow = rows.find((row) => row.brandIgId === brandIgId);
  const actions: StandingActions | undefined = username
    ? {
        username,
        busy,
        onSend: (row) => void act('send', { brandIgId: row.brandIgId }),
        onRevoke: (row) =>
          setConfirm({
            title: t('confirmRevokeTitle', { creator: `@${username}` }),
            action: t('confirmRevokeAction', { creator: `@${username}` }),
            message: t('popupLookupRevokeMessage', { brand: row.brandUsername, creator: username }),
            onConfirm: () => void act('revoke', { brandIgId: row.brandIgId, creatorId: row.standing?.permission?.creatorId }),
          }),
      }
    : undefined;
  return (
    <section aria-label={t('popupLookupLabel')}>
      {/* First: the answer the popup is opened for (where entrypoints/popup-glance.ts painted it before this code loaded). */}
      {actions && chosenRow && <ChosenBrandStatus standing={standingOf(chosenRow, pendingFor)} actions={actions} />}
      {picker}
      {readiness.ready && (
        <div class="field">
          <label for="creator-username">{t('commonCreatorUsername')}</label>
          <input
            id="creator-username"
            ref={box}
            autoComplete="off"
            spellcheck={false}
            placeholder={t('commonCreatorPlaceholder')}
            value={input}
            onInput={(event) => setInput(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && username) void runLookup(username);
            }}
            aria-invalid={check && !check.ok ? true : undefined}
            aria-describedby="creator-username-hint"
          />
          <p id="creator-username-hint" class={check && !check.ok ? 'notice error' : 'muted small'}>
            {check && !check.ok ? say(check.reason) : initialUsername ? t('popupLookupFromOpenProfile') : t('popupLookupHint')}
          </p>
        </div>
      )}
      {readiness.ready && !username && !check && <RecentCreators names={recent} onPick={pick} />}
      {actions && rows.length > 0 && <AllBrandsTable rows={rows} chosenIgId={brandIgId} pendingFor={pendingFor} actions={actions} />}
      {username && rows.length === 0 && !lookupError && <p class="muted">{t('popupLookupLookingUp', { creator: username })}</p>}
      <ErrorNotice error={actionError ?? lookupError} />
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />}
    </section>
  );
}
