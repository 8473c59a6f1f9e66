import { useState } from 'preact/hooks';
import { describeError } from '@/utils/errors';

export interface ActionError {
  kind: string;
  message: string;
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
      const { kind, message } = describeError(caught);
      setError({ kind, message });
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, clearError: () => setError(undefined) };
}
