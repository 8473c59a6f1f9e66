import { useState } from 'preact/hooks';
import { t, say } from '@/utils/i18n';
import { MAX_LOOKUP_ENTRIES, splitLookupText } from '@/utils/content/content-lookup';
import { lookupNotes } from '@/utils/content/content-words';
import type { LookupOutcome } from '@/utils/content/content-lookup';

/** Find a post: up to 50 ad codes or Instagram post links, one per line; the lines Meta does not know are named below. */
export function ContentLookup({
  busy,
  outcome,
  onLookup,
  onClear,
}: {
  busy: boolean;
  /** The last lookup's outcome, while its rows are shown. */
  outcome: LookupOutcome | undefined;
  onLookup: (lines: string[]) => void;
  onClear: () => void;
}) {
  const [text, setText] = useState('');
  const lines = splitLookupText(text);
  const tooMany = lines.length > MAX_LOOKUP_ENTRIES;
  const notes = outcome ? lookupNotes(outcome) : [];
  return (
    <form
      class="content-lookup"
      onSubmit={(event) => {
        event.preventDefault();
        if (lines.length > 0 && !tooMany) onLookup(lines);
      }}
    >
      <div class="field">
        <label for="content-lookup">{t('contentLookupLabel')}</label>
        <textarea
          id="content-lookup"
          rows={2}
          value={text}
          aria-describedby="content-lookup-hint"
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <span id="content-lookup-hint" class="muted">
          {tooMany ? t('contentLookupTooMany', { max: MAX_LOOKUP_ENTRIES }) : t('contentLookupHint', { max: MAX_LOOKUP_ENTRIES })}
        </span>
      </div>
      <div class="row">
        <button type="submit" disabled={busy || lines.length === 0 || tooMany}>
          {t('contentLookupButton')}
        </button>
        {outcome && (
          <button type="button" onClick={onClear}>
            {t('contentLookupShowAll')}
          </button>
        )}
      </div>
      {notes.length > 0 && (
        <ul class="lookup-notes" aria-label={t('contentLookupNotesLabel')}>
          {notes.map((note) => (
            <li key={note.input}>
              <bdi>{say(note.note)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
