import type { ComponentChildren, Ref } from 'preact';

/**
 * The box a long or wide table scrolls in. A box that scrolls must be reachable by keyboard
 * (axe's scrollable-region-focusable, WCAG 2.1.1), and not every table has a control inside
 * to reach it by: the box is in the tab order, where the arrow keys and Page Up / Page Down
 * scroll it, as a region named by the table's caption so a screen reader says what it holds.
 */
export function TableScroll({
  captionId,
  scrollerRef,
  children,
}: {
  /** The `id` of the caption of the table inside. */
  captionId: string;
  scrollerRef?: Ref<HTMLDivElement>;
  children: ComponentChildren;
}) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0} ref={scrollerRef}>
      {children}
    </div>
  );
}
