import { useState } from 'preact/hooks';
import { firstRowOfText, rowKey, type HeaderChoice } from '@/utils/bulk/username-list';

/**
 * The person's say on "First row is a header". It holds while the list's first row stays the
 * same, so editing the lines below keeps it; a new list, or an edited first row, is guessed
 * again. Whatever fills the box knowing better (an imported file, a campaign) says it too.
 */
export function useHeaderChoice() {
  const [choice, setChoice] = useState<HeaderChoice>();
  /** The box's text changed; `header` when its filler knows whether the first row is one. */
  function textChanged(text: string, header?: boolean) {
    const row = rowKey(firstRowOfText(text));
    if (header !== undefined) setChoice({ row, header });
    else setChoice((held) => (held?.row === row ? held : undefined));
  }
  return { choice, choose: (row: string, header: boolean) => setChoice({ row, header }), textChanged };
}
