import { useEffect, useRef, useState } from 'preact/hooks';
import { checkUsername } from '@/utils/instagram/username';
import { say, t } from '@/utils/i18n';
import { subscribeToBackgroundEvents } from '@/utils/messaging/events';
import { sendMessage, type Reply } from '@/utils/messaging/protocol';
import { canRevoke, canSend, noActionReason, statusWord } from '@/utils/partnerships/status';
import type { Readiness } from '@/utils/permissions/readiness';
import type { ConfirmRequest } from './ConfirmDialog';
import { lazyComponent } from './lazy-component';
import { ErrorNotice } from './ErrorNotice';
import { StatusWord } from './StatusWord';
import { toActionError, type ActionError } from './use-action';
import { rich } from './rich';
import { announce } from './announce';

type Lookup = Reply<'lookupCreator'>;

// Loaded when a send or revoke is first asked to confirm.
const ConfirmDialog = lazyComponent(() => import('./ConfirmDialog').then((module) => module.ConfirmDialog));

const TYPING_PAUSE_MS = 300;

/** The popup's quick lookup: one creator's status for the chosen brand, with Send request / Revoke. */
export function CreatorLookup({
  brandIgId,
  brandUsername,
  readiness,
  initialUsername,
  initialLookup,
}: {
  brandIgId: string;
  brandUsername: string;
  readiness: Readiness;
  initialUsername?: string;
  /** The cached answer for initialUsername, shown until the background's (the popup's glance). */
  initialLookup?: Lookup;
}) {
  const [input, setInput] = useState(initialUsername ?? '');
  const [lookup, setLookup] = useState<Lookup | undefined>(initialLookup);
  const [pendingAction, setPendingAction] = useState<{ username: string; status: string }>();
  const [lookupError, setLookupError] = useState<ActionError>();
  const [actionError, setActionError] = useState<ActionError>();
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const latest = useRef(0);

  const check = input.trim() ? checkUsername(input) : undefined;
  const username = check?.ok ? check.username : undefined;

  async function runLookup(name: string) {
    const ticket = ++latest.current;
    try {
      const answer = await sendMessage('lookupCreator', { brandIgId, username: name });
      if (ticket === latest.current) {
        setLookup(answer);
        setLookupError(undefined);
      }
    } catch (caught) {
      if (ticket === latest.current) setLookupError(toActionError(caught));
    }
  }

  useEffect(() => {
    setLookup((previous) => (previous?.username === username ? previous : undefined));
    setActionError(undefined);
    if (!username) return;
    const timer = setTimeout(() => void runLookup(username), initialUsername === username ? 0 : TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [username, brandIgId]);

  useEffect(
    () =>
      subscribeToBackgroundEvents((event) => {
        if (event.type === 'data-changed' && event.area === 'partnerships' && event.brandIgId === brandIgId && username)
          void runLookup(username);
      }),
    [brandIgId, username],
  );

  /** Says the action is on its way; the status word follows Meta's answer. */
  async function act(kind: 'send' | 'revoke') {
    if (!username) return;
    setBusy(true);
    setActionError(undefined);
    setPendingAction({ username, status: kind === 'send' ? 'PENDING' : 'REVOKED' });
    try {
      const permission =
        kind === 'send'
          ? await sendMessage('sendPartnershipRequest', { brandIgId, username })
          : await sendMessage('revokePartnership', { brandIgId, username, creatorId: shownLookup?.permission?.creatorId });
      announce(t('announceStatus', { creator: `@${username}`, status: say(statusWord(permission.status)) }));
      // The answer belongs to this creator only, whatever is typed by now.
      setLookup((previous) => (previous?.username === username ? { ...previous, permission, fetchedAt: Date.now() } : previous));
    } catch (caught) {
      setActionError(toActionError(caught));
    } finally {
      setPendingAction(undefined);
      setBusy(false);
    }
  }

  // Nothing is shown under a name it does not belong to: an answer or a pending action for
  // another name (typed over, or still on its way) is not this creator's.
  const shownLookup = lookup?.username === username ? lookup : undefined;
  const pendingStatus = pendingAction && pendingAction.username === username ? pendingAction.status : undefined;
  // The word changes when Meta has answered, never before: an action on its way is said as such.
  const status = shownLookup?.permission?.status;
  const blocked = !readiness.ready;
  return (
    <section aria-label={t('popupLookupLabel')}>
      <div class="field">
        <label for="creator-username">{t('commonCreatorUsername')}</label>
        <input
          id="creator-username"
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
        <p id="creator-username-hint" class={check && !check.ok ? 'notice error' : 'muted'}>
          {check && !check.ok ? say(check.reason) : initialUsername ? t('popupLookupFromOpenProfile') : t('popupLookupHint')}
        </p>
      </div>
      {username && (shownLookup || pendingStatus) && (
        <div class="lookup-result">
          <p>
            {rich(t('popupLookupResult'), { creator: username, brand: brandUsername, status: <StatusWord status={status} /> })}
            {pendingStatus && <span class="muted"> {t(pendingStatus === 'REVOKED' ? 'popupLookupRevoking' : 'popupLookupSending')}</span>}
            {shownLookup?.refreshing && !pendingStatus && <span class="muted"> {t('popupLookupCheckingChanges')}</span>}
          </p>
          {/* While an action is on its way, no other action is offered: it shows once Meta has answered. */}
          <div class="row" hidden={pendingStatus !== undefined}>
            {canSend(status) && (
              <button type="button" class="primary" disabled={busy || blocked} onClick={() => act('send')}>
                {t('commonSendRequest')}
              </button>
            )}
            {canRevoke(status) && (
              <button
                type="button"
                class="danger"
                disabled={busy || blocked}
                onClick={() =>
                  setConfirm({
                    title: t('confirmRevokeTitle', { creator: `@${username}` }),
                    action: t('confirmRevokeAction', { creator: `@${username}` }),
                    message: t('popupLookupRevokeMessage', { brand: brandUsername, creator: username }),
                    onConfirm: () => void act('revoke'),
                  })
                }
              >
                {t('commonRevoke')}
              </button>
            )}
          </div>
          {!pendingStatus && noActionReason(status) && <p class="muted">{say(noActionReason(status))}</p>}
          {blocked && <p class="muted">{t('popupLookupBlocked')}</p>}
        </div>
      )}
      {username && !shownLookup && !pendingStatus && !lookupError && (
        <p class="muted">{t('popupLookupLookingUp', { creator: username })}</p>
      )}
      <ErrorNotice error={actionError ?? lookupError} />
      {confirm && <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />}
    </section>
  );
}
