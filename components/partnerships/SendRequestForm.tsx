import { useState } from 'preact/hooks';
import { say, t } from '@/utils/i18n';
import { checkUsername } from '@/utils/instagram/username';
import { sendMessage } from '@/utils/messaging/protocol';
import { listedRecordOf, type PartnershipPermission } from '@/utils/partnerships/permission-record';
import { sendRefusal, statusWord } from '@/utils/partnerships/status';
import type { ConfirmRequest } from '../shared/ConfirmDialog';
import type { useAction } from '../shared/hooks/use-action';

type SendRequest = ReturnType<typeof useSendRequest>;

/**
 * The send box's state and its ask-to-confirm step. The view holds it, not the form: a half-typed
 * name and the last notice stay while the person looks at All brands, where the form is not shown.
 */
export function useSendRequest(
  brand: { igId: string; username: string } | undefined,
  permissions: readonly PartnershipPermission[],
  action: ReturnType<typeof useAction>,
  confirm: (request: ConfirmRequest) => void,
) {
  const [creatorInput, setCreatorInput] = useState('');
  const [sentNotice, setSentNotice] = useState<string>();
  const creatorCheck = creatorInput.trim() ? checkUsername(creatorInput) : undefined;

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
    confirm({
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

  return { creatorInput, setCreatorInput, creatorCheck, sentNotice, askToSend };
}

/** One creator to ask, for the chosen brand. */
export function SendRequestForm({ send, disabled }: { send: SendRequest; disabled: boolean }) {
  const { creatorInput, setCreatorInput, creatorCheck, sentNotice, askToSend } = send;
  return (
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
        <button type="submit" class="primary" disabled={!creatorCheck?.ok || disabled}>
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
  );
}
