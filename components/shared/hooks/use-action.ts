import { useState } from 'preact/hooks';
import { describeError } from '@/utils/errors';
import type { Words } from '@/utils/i18n';

export interface ActionError {
  kind: string;
  /** What to tell the person, said by ErrorNotice in their language. */
  said: Words;
}

/** The error to show for a failure that crossed the message boundary. */
export function toActionError(caught: unknown): ActionError {
  const { kind, said } = describeError(caught);
  return { kind, said };
}

/** Runs one user action at a time, keeping whether it is busy and the error to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionError>();
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (caught) {
      setError(toActionError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, clearError: () => setError(undefined) };
}
