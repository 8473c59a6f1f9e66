/**
 * How many rows of a table that is not virtualised are in the page at a time.
 *
 * A keystroke in a search replaces the rows. Drawing a few hundred of them at once makes that
 * keystroke wait for their style and layout, so when the rows change under a table already on
 * screen, only the rows that fill its visible box are drawn with the keystroke; the rest follow,
 * `DRAW_STEP` at a time, each step after the page has painted. A table drawn for the first time
 * (nothing of it in the page before) is drawn whole, so a list that has just loaded is complete
 * at once for find-in-page and screen readers.
 */

/** Rows added to the page per step once the visible ones are drawn. */
export const DRAW_STEP = 100;

export interface FirstDraw {
  /** Rows the table now has. */
  rowCount: number;
  /** Rows of the table in the page before its rows changed (0: the table is drawn for the first time). */
  drawnBefore: number;
  /** Rows it takes to fill the table's visible box, from `rowsFillingTheBox`. */
  fillingTheBox: number;
}

/** Rows to draw along with the change of rows itself. */
export function rowsToDrawAtOnce({ rowCount, drawnBefore, fillingTheBox }: FirstDraw): number {
  if (drawnBefore === 0) return rowCount;
  return Math.min(rowCount, Math.max(1, fillingTheBox));
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
