import { useRef, useState } from 'preact/hooks';
import { plural, t } from '@/utils/i18n';
import { downloadFile } from '@/utils/export/download';
import { sendMessage, type ImportOutcome } from '@/utils/messaging/protocol';
import { MAX_FILE_BYTES } from '@/utils/bulk/limits';
import { ConfirmDialog, type ConfirmRequest } from '../shared/ConfirmDialog';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useAction } from '../shared/hooks/use-action';
import { useNotes } from '../shared/hooks/use-notes';

/**
 * Settings: the person's notes (end dates and campaigns). They are theirs, not Meta's: they
 * stay after Disconnect, go out in Export backup and come back with Import backup (nothing
 * replaced without asking), and Delete notes removes them at once.
 */
export function NotesSettings() {
  const { notes } = useNotes();
  const { busy, error, run } = useAction();
  const [confirm, setConfirm] = useState<ConfirmRequest>();
  const [outcome, setOutcome] = useState<string>();
  const [fileProblem, setFileProblem] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  async function exportBackup() {
    const backup = await run(() => sendMessage('exportBackup', undefined));
    if (!backup) return;
    const day = new Date().toISOString().slice(0, 10);
    downloadFile(`collab-desk-notes-${day}.json`, `${JSON.stringify(backup, null, 2)}\n`, 'application/json');
  }

  function describe(result: ImportOutcome): string {
    return t('backupImported', { added: result.added, replaced: result.replaced, unchanged: result.unchanged });
  }

  async function importFile(file: File) {
    setOutcome(undefined);
    setFileProblem(undefined);
    if (file.size > MAX_FILE_BYTES) return setFileProblem(t('backupTooBig'));
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      return setFileProblem(t('backupNotJson'));
    }
    const first = await run(() => sendMessage('importBackup', { backup, overwrite: false }));
    if (!first) return;
    setOutcome(describe(first));
    if (first.conflicts === 0) return;
    setConfirm({
      title: plural('backupReplaceTitle', first.conflicts),
      action: plural('backupReplaceAction', first.conflicts),
      message: <p>{t('backupReplaceMessage')}</p>,
      onConfirm: () =>
        void run(async () => {
          const second = await sendMessage('importBackup', { backup, overwrite: true });
          const total = { ...second, added: first.added + second.added, unchanged: first.unchanged };
          setOutcome(describe(total));
        }),
    });
  }

  return (
    <section class="card" aria-labelledby="notes-heading">
      <h3 id="notes-heading">{t('notesHeading')}</h3>
      <p class="muted">{plural('notesKept', notes.length)}</p>
      <div class="row">
        <button type="button" onClick={() => void exportBackup()} disabled={busy}>
          {t('backupExport')}
        </button>
        {/* The button opens the browser's file chooser; the input itself stays out of sight (and out of the tab order). */}
        <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
          {t('backupImport')}
        </button>
        <input
          ref={fileInput}
          hidden
          type="file"
          aria-label={t('backupImport')}
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          class="danger"
          disabled={busy || notes.length === 0}
          onClick={() =>
            setConfirm({
              title: plural('notesDeleteTitle', notes.length),
              action: plural('notesDeleteAction', notes.length),
              message: <p>{t('notesDeleteMessage')}</p>,
              onConfirm: () => void run(() => sendMessage('deleteAllNotes', undefined)),
            })
          }
        >
          {t('notesDelete')}
        </button>
      </div>
      {/* Always in the page, so screen readers announce each outcome put into it (and the words are on the page once). */}
      <div role="status">{outcome && <p class="notice ok">{outcome}</p>}</div>
      {fileProblem && (
        <p class="notice error" role="alert">
          {fileProblem}
        </p>
      )}
      <ErrorNotice error={error} />
      <ConfirmDialog request={confirm} onClose={() => setConfirm(undefined)} />
    </section>
  );
}
