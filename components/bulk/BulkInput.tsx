import { useEffect, useState } from 'preact/hooks';
import {
  columnEntries,
  decodeTextFile,
  headerCell,
  MAX_FILE_BYTES,
  readCreatorFile,
  wrongColumnWarning,
  type CreatorFile,
  type TextEncodingName,
} from '@/utils/bulk/creator-file';
import type { CheckedList, ListEntry } from '@/utils/bulk/username-list';
import { i18n, plural, say, t, type Words } from '@/utils/i18n';
import { pluralWithCountSlot, rich } from '../shared/rich';
import { fileNotes } from '@/utils/notes/file-notes';
import { sendMessage } from '@/utils/messaging/protocol';
import { toActionError } from '../shared/hooks/use-action';

/** The Usernames box and the CSV/TSV import that fills it, with what the check found. */
export function BulkInput(props: {
  text: string;
  /** `header` when the filler (a file) knows whether the text's first row is a header. */
  onText: (text: string, header?: boolean) => void;
  /** The list's first row, which "First row is a header" is about. */
  firstRow: ListEntry[];
  header: boolean;
  onHeader: (header: boolean) => void;
  checked: CheckedList;
  checking: boolean;
  limitProblem?: Words;
  /** The brand the file's end dates and campaigns are kept for (the person's notes). */
  brandIgId?: string;
}) {
  const { text, onText, firstRow, header, onHeader, checked, checking, limitProblem, brandIgId } = props;
  const [notesSaved, setNotesSaved] = useState<string>();
  const [fileNotesToKeep, setFileNotesToKeep] = useState<ReturnType<typeof fileNotes>>();
  const [file, setFile] = useState<{ name: string; data: CreatorFile; column: number; encoding: TextEncodingName }>();
  const [fileError, setFileError] = useState<string>();

  function useColumn(data: CreatorFile, column: number, name: string, encoding: TextEncodingName) {
    setFile({ name, data, column, encoding });
    // The header stays in the box as its first line, so the person sees what is left out and can overrule it.
    const heading = headerCell(data, column)?.replace(/[\r\n]+/g, ' ');
    const values = columnEntries(data, column).map((entry) => entry.input);
    onText((heading === undefined ? values : [heading, ...values]).join('\n'), heading !== undefined);
  }

  /** A file's `end date` and `campaign` columns become the person's notes on those creators (local only: nothing is sent). */
  function keepFileNotes(data: CreatorFile, column: number) {
    setNotesSaved(undefined);
    const found = fileNotes(data, column);
    setFileNotesToKeep(found.notes.length > 0 || found.badDates > 0 ? found : undefined);
  }

  // Kept once the brand is known: a file chosen while the brand accounts were still loading loses nothing.
  useEffect(() => {
    if (!brandIgId || !fileNotesToKeep) return;
    const { notes, badDates } = fileNotesToKeep;
    setFileNotesToKeep(undefined);
    void (notes.length > 0 ? sendMessage('saveNotes', { brandIgId, notes }) : Promise.resolve({ saved: 0 })).then(
      ({ saved }) =>
        setNotesSaved(
          [plural('bulkFileNotesSaved', saved), badDates > 0 ? plural('bulkFileNotesBadDates', badDates) : ''].filter(Boolean).join(' '),
        ),
      (caught: unknown) => setFileError(say(toActionError(caught).said)),
    );
  }, [brandIgId, fileNotesToKeep]);

  async function importFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = '';
    setFileError(undefined);
    setFile(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileError(t('bulkFileTooBig', { file: chosen.name, size: chosen.size / 1024 / 1024, max: MAX_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      const decoded = decodeTextFile(new Uint8Array(await chosen.arrayBuffer()));
      const result = decoded.ok ? readCreatorFile(decoded.text, chosen.size) : decoded;
      if (!result.ok) setFileError(t('bulkFileProblem', { file: chosen.name, problem: result.message }));
      else if (decoded.ok) {
        useColumn(result.file, result.file.suggestedColumn, chosen.name, decoded.encoding);
        keepFileNotes(result.file, result.file.suggestedColumn);
      }
    } catch {
      setFileError(t('bulkFileUnreadable', { file: chosen.name }));
    }
  }

  const warning = file && wrongColumnWarning(file.data, file.column);
  return (
    <div class="card">
      <div class="field">
        <label for="bulk-usernames">{t('bulkUsernames')}</label>
        <textarea
          id="bulk-usernames"
          rows={8}
          spellcheck={false}
          placeholder={t('bulkUsernamesPlaceholder')}
          value={text}
          onInput={(event) => onText(event.currentTarget.value)}
          aria-describedby="bulk-usernames-help"
        />
        <p id="bulk-usernames-help" class="muted">
          {t('bulkUsernamesHelp')}
        </p>
      </div>
      <div class="field row">
        <label for="bulk-file" style={{ margin: 0 }}>
          {t('bulkImportFile')}
        </label>
        <input id="bulk-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" onChange={importFile} />
      </div>
      {fileError && (
        <p class="notice error" role="alert">
          {fileError}
        </p>
      )}
      {file && file.data.columns.length > 1 && (
        <div class="field row">
          <label for="bulk-column" style={{ margin: 0 }}>
            {t('bulkUsernameColumn')}
          </label>
          <select
            id="bulk-column"
            value={file.column}
            onChange={(event) => {
              const column = Number(event.currentTarget.value);
              useColumn(file.data, column, file.name, file.encoding);
              // The notes follow the username column the person chose.
              keepFileNotes(file.data, column);
            }}
          >
            {file.data.columns.map((column, index) => (
              <option key={index} value={index}>
                {say(column)}
              </option>
            ))}
          </select>
        </div>
      )}
      {file && (
        <p class="muted" role="status">
          {rich(t(file.data.hasHeader ? 'bulkFileReadWithHeader' : 'bulkFileRead'), {
            file: <bdi>{file.name}</bdi>,
            encoding: file.encoding === 'Windows-1252' ? t('bulkEncodingWindows1252') : file.encoding,
            rows: plural('bulkFileRows', file.data.rows.length),
          })}
        </p>
      )}
      {notesSaved && (
        <p class="notice ok" role="status">
          {notesSaved}
        </p>
      )}
      {warning && (
        <p class="notice error" role="alert">
          {say(warning)}
        </p>
      )}
      {limitProblem && (
        <p class="notice error" role="alert">
          {say(limitProblem)}
        </p>
      )}
      {firstRow.length > 0 && (
        <>
          <div class="field checkbox">
            <input
              id="bulk-header"
              type="checkbox"
              checked={header}
              onChange={(event) => onHeader(event.currentTarget.checked)}
              aria-describedby="bulk-header-row"
            />
            <label for="bulk-header">{t('bulkFirstRowIsHeader')}</label>
          </div>
          <p id="bulk-header-row" class="muted">
            {rich(t(header ? 'bulkFirstRowLeftOut' : 'bulkFirstRowKept'), {
              line: firstRow[0]!.line,
              row: (
                <code>
                  <bdi>{shortened(firstRow.map((entry) => entry.input).join(', '))}</bdi>
                </code>
              ),
            })}
          </p>
        </>
      )}
      <p role="status">
        {checking && <span class="muted">{t('bulkChecking')} </span>}
        {rich(t('bulkCheckedSummary'), {
          creators: rich(pluralWithCountSlot('bulkCheckedCreators', checked.usernames.length), {
            count: <strong>{i18n.number(checked.usernames.length)}</strong>,
          }),
          invalid: checked.invalid.length > 0 && plural('bulkCheckedInvalid', checked.invalid.length),
          duplicates: checked.duplicates.length > 0 && plural('bulkCheckedDuplicates', checked.duplicates.length),
        })}
      </p>
      {checked.invalid.length > 0 && (
        <details open={checked.invalid.length <= 10}>
          <summary>{t('bulkInvalidEntriesCount', { count: checked.invalid.length })}</summary>
          <ul class="invalid-list" tabIndex={0} aria-label={t('bulkInvalidEntries')}>
            {checked.invalid.slice(0, 500).map((entry) => (
              <li key={`${entry.line}:${entry.input}`}>
                {rich(t('bulkInvalidLine'), {
                  line: entry.line,
                  input: (
                    <code>
                      <bdi>{entry.input}</bdi>
                    </code>
                  ),
                  reason: say(entry.reason),
                })}
              </li>
            ))}
          </ul>
          {checked.invalid.length > 500 && <p class="muted">{plural('bulkInvalidMore', checked.invalid.length - 500)}</p>}
        </details>
      )}
    </div>
  );
}

/** A first row as long as a line of the page takes. */
function shortened(row: string): string {
  return row.length > 80 ? `${row.slice(0, 79)}…` : row;
}
