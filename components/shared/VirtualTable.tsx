import { useVirtualizer } from '@tanstack/react-virtual';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useId, useReducer, useRef } from 'preact/hooks';
import { rowsAfterStep, rowsFillingTheBox, rowsToDrawAtOnce } from '@/utils/table/drawn-rows';
import { TableScroll } from './TableScroll';

/** Up to this many rows are all in the page (so find-in-page and screen readers see them); more are virtualised. */
export const VIRTUALISE_ABOVE = 500;
const ROW_HEIGHT = 37;
/**
 * Rows drawn beyond the visible ones, each side. Each drawn row costs a keystroke of the
 * search its share of rendering, style and layout: 5 keeps scrolling smooth, and a
 * keystroke in a 10,000-row table drew about 30 rows with 15, about 20 now.
 */
const OVERSCAN = 5;

interface VirtualTableProps<T> {
  caption: string;
  /** The header row's cells. */
  head: ComponentChildren;
  rows: readonly T[];
  /** One row; `ariaRowIndex` goes on its `tr` (set when the table is virtualised, counting the header row as 1). */
  renderRow: (row: T, index: number, ariaRowIndex: number | undefined) => VNode;
  columnCount: number;
}

/** A data table that stays smooth with tens of thousands of rows: only the visible ones are rendered. */
export function VirtualTable<T>({ caption, head, rows, renderRow, columnCount }: VirtualTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const virtual = rows.length > VIRTUALISE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  // The box can grow to most of the window (a box showing a few rows is short): the window's height is the most it shows.
  // The virtualizer keeps the scroll offset; reading the element's would force a layout per keystroke.
  const fillingTheBox = rowsFillingTheBox(virtualizer.scrollOffset ?? 0, window.innerHeight, ROW_HEIGHT, OVERSCAN);
  const drawn = useRowsDrawnInSteps(rows, virtual ? items.length : undefined, fillingTheBox);

  return (
    <TableScroll captionId={captionId} scrollerRef={scroller}>
      <table
        class="data"
        aria-rowcount={virtual ? rows.length + 1 : undefined}
        aria-busy={!virtual && drawn < rows.length ? 'true' : undefined}
      >
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>{head}</tr>
        </thead>
        <tbody>
          {virtual ? (
            <>
              {before > 0 && <SpacerRow height={before} columnCount={columnCount} />}
              {items.map((item) => renderRow(rows[item.index]!, item.index, item.index + 2))}
              {after > 0 && <SpacerRow height={after} columnCount={columnCount} />}
            </>
          ) : (
            rows.slice(0, drawn).map((row, index) => renderRow(row, index, undefined))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * How many of `rows` a table that is not virtualised has in the page: as many as
 * `rowsToDrawAtOnce` says when the rows change (utils/table/drawn-rows), then a step more per
 * painted frame until all are there. `virtualDrawn` is the rows drawn while the table is
 * virtualised (it draws them itself), undefined while it is not.
 */
function useRowsDrawnInSteps<T>(rows: readonly T[], virtualDrawn: number | undefined, fillingTheBox: number): number {
  const table = useRef<{ rows: readonly T[]; drawn: number } | null>(null);
  const [, drawNextStep] = useReducer((step: number) => step + 1, 0);
  if (virtualDrawn !== undefined) {
    table.current = { rows, drawn: virtualDrawn };
  } else if (table.current?.rows !== rows) {
    const drawnBefore = table.current?.drawn;
    table.current = { rows, drawn: rowsToDrawAtOnce({ rowCount: rows.length, drawnBefore, fillingTheBox }) };
  }
  const drawn = virtualDrawn === undefined ? table.current.drawn : rows.length;

  // Preact runs effects after the page has painted (or, should the table render again before, with that render): the
  // steps follow the frames.
  useEffect(() => {
    const current = table.current;
    if (virtualDrawn !== undefined || !current || current.rows !== rows || current.drawn >= rows.length) return;
    current.drawn = rowsAfterStep(current.drawn, rows.length);
    drawNextStep(undefined);
  });
  return drawn;
}

/** An empty row that keeps the scroll height of the rows not drawn. */
function SpacerRow({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    // A spacer row holds nothing and is never focusable: hidden from assistive technology.
    <tr aria-hidden="true" style={{ height: `${height}px` }}>
      <td colSpan={columnCount} />
    </tr>
  );
}
