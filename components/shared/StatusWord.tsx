import { say } from '@/utils/i18n';
import { noActionReason, statusGroup, statusWord } from '@/utils/partnerships/status';

/** The status word of the UI contract, coloured by what it means; an unknown status says why no action is offered. */
export function StatusWord({ status }: { status: string | undefined }) {
  const reason = noActionReason(status);
  return (
    <bdi class={`status-word status-${statusGroup(status)}`} title={reason && say(reason)}>
      {say(statusWord(status))}
    </bdi>
  );
}
