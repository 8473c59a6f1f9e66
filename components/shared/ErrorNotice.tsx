import { say } from '@/utils/i18n';
import type { ActionError } from './hooks/use-action';

/** States that are expected, not failures: said calmly, with the next step, never as a red error. */
const EXPECTED = new Set(['not-connected', 'missing-app-id']);

export function ErrorNotice({ error }: { error: ActionError | undefined }) {
  if (!error) return null;
  if (EXPECTED.has(error.kind)) {
    return (
      <p class="notice info" role="status">
        {say(error.said)}
      </p>
    );
  }
  return (
    <p class="notice error" role="alert">
      {say(error.said)}
    </p>
  );
}
