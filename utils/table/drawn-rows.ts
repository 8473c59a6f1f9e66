/**
 * How many rows of a table that is not virtualised are in the page at a time.
 *
 * A keystroke in a search replaces the rows. Drawing a few hundred of them at once makes that
 * keystroke wait for their style and layout, so when the rows change under a table already on
 * screen, the keystroke draws as many rows as the table had (or the rows that fill its visible
 * box, if more); the rest follow, `DRAW_STEP` at a time, each step after the page has painted.
 * A table never has fewer rows in the page than before its rows changed (unless it now has
 * fewer rows): rows updated in place (a bulk job's progress, a revoked permission) are all
 * redrawn at once, and what a person or a screen reader was reading does not go away. A
 * table drawn for the first time, or after it had no rows, is drawn whole, so a list that has
 * just loaded is complete at once.
 */

/** Rows added to the page per step once the visible ones are drawn. */
export const DRAW_STEP = 100;

export interface FirstDraw {
  /** Rows the table now has. */
  rowCount: number;
  /** Rows of the table in the page before its rows changed (0: the table is drawn for the first time, or had none). */
  drawnBefore: number;
  /** Rows it takes to fill the table's visible box, from `rowsFillingTheBox`. */
  fillingTheBox: number;
}

/** Rows to draw along with the change of rows itself. */
export function rowsToDrawAtOnce({ rowCount, drawnBefore, fillingTheBox }: FirstDraw): number {
  if (drawnBefore === 0) return rowCount;
  return Math.min(rowCount, Math.max(drawnBefore, fillingTheBox));
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
  // A row is at least a pixel high; anything else is a measure gone wrong.
  if (!(rowHeight >= 1) || !Number.isFinite(rowHeight)) return margin;
  const bottom = atLeastZero(scrollTop) + atLeastZero(height);
  return Math.min(Math.ceil(bottom / rowHeight), Number.MAX_SAFE_INTEGER) + margin;
}

/** A measure taken from the page, as a length: 0 when it is negative or not a number. */
function atLeastZero(pixels: number): number {
  return Number.isFinite(pixels) && pixels > 0 ? pixels : 0;
}
