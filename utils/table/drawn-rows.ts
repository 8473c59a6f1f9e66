/**
 * How many rows of a table that is not virtualised are in the page at a time.
 *
 * A keystroke in a search replaces the rows. Drawing a few hundred of them at once makes that
 * keystroke wait for their style and layout, so when a table already on screen gains more
 * than a step of rows, the change draws as many rows as the table had (or the rows that fill
 * the visible box, if more); the rest follow, `DRAW_STEP` at a time, each step after the page
 * has painted. A table never has fewer rows in the page than it had (unless it now has fewer
 * rows): rows updated in place (a bulk job's progress, a revoked permission), and a narrower
 * search once the wider one was drawn, are drawn whole with the change, and what a person or
 * a screen reader was reading does not go away. A table drawn for the first time is drawn
 * whole, so a list that has just loaded is complete at once.
 */

/** Rows added to the page per step once the visible ones are drawn. */
export const DRAW_STEP = 100;

export interface RowsChange {
  /** Rows the table now has. */
  rowCount: number;
  /** Rows of the table in the page before its rows changed; undefined when it is drawn for the first time. */
  drawnBefore: number | undefined;
  /** Rows it takes to fill the table's visible box, from `rowsFillingTheBox`. */
  fillingTheBox: number;
}

/** Rows to draw along with the change of rows itself. */
export function rowsToDrawAtOnce({ rowCount, drawnBefore, fillingTheBox }: RowsChange): number {
  if (drawnBefore === undefined || rowCount - drawnBefore <= DRAW_STEP) return rowCount;
  return Math.min(rowCount, Math.max(drawnBefore, fillingTheBox, 1));
}

/** Rows in the page after one more step. */
export function rowsAfterStep(drawn: number, rowCount: number): number {
  return Math.min(rowCount, drawn + DRAW_STEP);
}

/**
 * Rows from the top of the table down to the bottom of its visible box, plus `margin` below:
 * with the table scrolled `scrollTop` pixels down, a box `height` pixels high, rows of `rowHeight`.
 */
export function rowsFillingTheBox(scrollTop: number, height: number, rowHeight: number, margin: number): number {
  return Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight) + margin;
}
