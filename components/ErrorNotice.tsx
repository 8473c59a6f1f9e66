import type { ActionError } from './use-action';

export function ErrorNotice({ error }: { error: ActionError | undefined }) {
  if (!error) return null;
  return (
    <p class="notice error" role="alert">
      {error.message}
    </p>
  );
}
