import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { CreatorNote } from '@/utils/notes/note';
import { readDay } from '@/utils/notes/note';
import { keepFocusNear } from '../shared/announce';

export interface NoteEdit {
  brandIgId: string;
  brandUsername: string;
  username: string;
  note?: CreatorNote;
}

/**
 * Edit: a creator's end date and campaign for a brand (the person's own notes, kept in this
 * browser). Campaigns used before are offered as suggestions. Save stores both; clearing both
 * removes the note.
 */
export function NoteDialog({
  edit,
  campaigns,
  onSave,
  onClose,
}: {
  edit: NoteEdit | undefined;
  campaigns: readonly string[];
  onSave: (endDate: string, campaign: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const invoker = useRef<HTMLElement | null>(null);
  const [endDate, setEndDate] = useState('');
  const [campaign, setCampaign] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (edit && !element.open) {
      invoker.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setEndDate(edit.note?.endDate ?? '');
      setCampaign(edit.note?.campaign ?? '');
      element.showModal();
    }
    if (!edit && element.open) element.close();
  }, [edit]);

  const dateProblem = endDate !== '' && readDay(endDate) !== endDate;
  const suggestions = campaigns
    .filter((name) => name !== campaign && name.toLowerCase().includes(campaign.trim().toLowerCase()))
    .slice(0, 5);

  return (
    <dialog ref={dialog} aria-labelledby="note-title" onClose={onClose} class="confirm">
      {edit && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            if (dateProblem) return;
            if (invoker.current) keepFocusNear(invoker.current);
            onSave(endDate, campaign.trim());
            onClose();
          }}
        >
          <h2 id="note-title">{t('notesEditTitle', { creator: edit.username, brand: edit.brandUsername })}</h2>
          <p class="muted">{t('notesEditHelp')}</p>
          <div class="field">
            <label for="note-end-date">{t('notesEndDate')}</label>
            <input
              id="note-end-date"
              type="date"
              value={endDate}
              onInput={(event) => setEndDate(event.currentTarget.value)}
              aria-invalid={dateProblem ? true : undefined}
              aria-describedby="note-end-date-help"
            />
            <p id="note-end-date-help" class={dateProblem ? 'notice error' : 'muted'}>
              {dateProblem ? t('notesEndDateInvalid') : t('notesEndDateHelp')}
            </p>
          </div>
          <div class="field">
            <label for="note-campaign">{t('notesCampaign')}</label>
            <input
              id="note-campaign"
              type="text"
              autoComplete="off"
              maxLength={200}
              value={campaign}
              onInput={(event) => setCampaign(event.currentTarget.value)}
            />
            {suggestions.length > 0 && (
              <div class="row suggestions" role="group" aria-label={t('notesCampaignSuggestions')}>
                {suggestions.map((name) => (
                  <button key={name} type="button" class="chip" onClick={() => setCampaign(name)}>
                    {t('notesUseCampaign', { campaign: name })}
                  </button>
                ))}
              </div>
            )}
          </div>
          <div class="row">
            <button type="submit" class="primary" disabled={dateProblem}>
              {t('notesSave')}
            </button>
            <button type="button" onClick={onClose}>
              {t('confirmCancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
