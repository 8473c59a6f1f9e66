import { useState } from 'preact/hooks';
import {
  columnEntries,
  decodeTextFile,
  MAX_FILE_BYTES,
  readCreatorFile,
  wrongColumnWarning,
  type CreatorFile,
  type TextEncodingName,
} from '@/utils/bulk/creator-file';
import type { CheckedList } from '@/utils/bulk/username-list';
import { plural } from './format';

/** The Usernames box and the CSV/TSV import that fills it, with what the check found. */
export function BulkInput(props: {
  text: string;
  onText: (text: string) => void;
  checked: CheckedList;
  checking: boolean;
  limitProblem?: string;
}) {
  const { text, onText, checked, checking, limitProblem } = props;
  const [file, setFile] = useState<{ name: string; data: CreatorFile; column: number; encoding: TextEncodingName }>();
  const [fileError, setFileError] = useState<string>();

  function useColumn(data: CreatorFile, column: number, name: string, encoding: TextEncodingName) {
    setFile({ name, data, column, encoding });
    onText(
      columnEntries(data, column)
        .map((entry) => entry.input)
        .join('\n'),
    );
  }

  async function importFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const chosen = input.files?.[0];
    input.value = '';
    setFileError(undefined);
    setFile(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) {
      setFileError(`"${chosen.name}" is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; Collab Desk reads files up to 5 MB.`);
      return;
    }
    try {
      const decoded = decodeTextFile(new Uint8Array(await chosen.arrayBuffer()));
      const result = decoded.ok ? readCreatorFile(decoded.text, chosen.size) : decoded;
      if (!result.ok) setFileError(`"${chosen.name}": ${result.message}`);
      else if (decoded.ok) useColumn(result.file, result.file.suggestedColumn, chosen.name, decoded.encoding);
    } catch {
      setFileError(`"${chosen.name}" could not be read. Export it again as CSV or TSV.`);
    }
  }

  const warning = file && wrongColumnWarning(file.data, file.column);
  return (
    <div class="card">
      <div class="field">
        <label for="bulk-usernames">Usernames</label>
        <textarea
          id="bulk-usernames"
          rows={8}
          spellcheck={false}
          placeholder={'maya.trails\n@leo_eats, ivy.studio\nhttps://www.instagram.com/kai.fit/'}
          value={text}
          onInput={(event) => onText(event.currentTarget.value)}
          aria-describedby="bulk-usernames-help"
        />
        <p id="bulk-usernames-help" class="muted">
          One per line; commas also separate. @names and profile links are fine.
        </p>
      </div>
      <div class="field row">
        <label for="bulk-file" style={{ margin: 0 }}>
          Import a CSV or TSV file
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
            Username column
          </label>
          <select
            id="bulk-column"
            value={file.column}
            onChange={(event) => useColumn(file.data, Number(event.currentTarget.value), file.name, file.encoding)}
          >
            {file.data.columns.map((column, index) => (
              <option key={index} value={index}>
                {column}
              </option>
            ))}
          </select>
        </div>
      )}
      {file && (
        <p class="muted" role="status">
          Read <bdi>{file.name}</bdi> as{' '}
          {file.encoding === 'Windows-1252' ? 'Windows-1252 ("ANSI", as Excel on Windows saves CSV)' : file.encoding}:{' '}
          {plural(file.data.rows.length, 'row')}
          {file.data.hasHeader ? ' under a header' : ''}.
        </p>
      )}
      {warning && (
        <p class="notice error" role="alert">
          {warning}
        </p>
      )}
      {limitProblem && (
        <p class="notice error" role="alert">
          {limitProblem}
        </p>
      )}
      <p role="status">
        {checking && <span class="muted">Checking the list… </span>}
        <strong>{checked.usernames.length}</strong> {checked.usernames.length === 1 ? 'creator' : 'creators'} to act on
        {checked.invalid.length > 0 && `, ${checked.invalid.length} invalid (never sent)`}
        {checked.duplicates.length > 0 && `, ${plural(checked.duplicates.length, 'duplicate')} removed`}.
      </p>
      {checked.invalid.length > 0 && (
        <details open={checked.invalid.length <= 10}>
          <summary>Invalid entries ({checked.invalid.length})</summary>
          <ul class="invalid-list" aria-label="Invalid entries">
            {checked.invalid.slice(0, 500).map((entry) => (
              <li key={`${entry.line}:${entry.input}`}>
                Line {entry.line}:{' '}
                <code>
                  <bdi>{entry.input}</bdi>
                </code>{' '}
                {entry.reason}
              </li>
            ))}
          </ul>
          {checked.invalid.length > 500 && <p class="muted">…and {checked.invalid.length - 500} more.</p>}
        </details>
      )}
    </div>
  );
}
