import { statusGroup, statusWord } from '@/utils/partnerships/status';

/** The status word of the UI contract, coloured by what it means. */
export function StatusWord({ status }: { status: string | undefined }) {
  return <span class={`status-word status-${statusGroup(status)}`}>{statusWord(status)}</span>;
}
