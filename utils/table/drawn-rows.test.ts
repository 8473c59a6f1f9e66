import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAW_STEP, rowsAfterStep, rowsFillingTheBox, rowsToDrawAtOnce } from './drawn-rows';

/** Every count of rows in the page, from the change of rows until all are drawn. */
function drawnCounts(rowCount: number, drawnBefore: number | undefined, fillingTheBox: number): number[] {
  const counts = [rowsToDrawAtOnce({ rowCount, drawnBefore, fillingTheBox })];
  while (counts.at(-1)! < rowCount) counts.push(rowsAfterStep(counts.at(-1)!, rowCount));
  return counts;
}

describe('rows drawn in steps', () => {
  it('draws a table whole the first time it is drawn', () => {
    expect(rowsToDrawAtOnce({ rowCount: 480, drawnBefore: undefined, fillingTheBox: 20 })).toBe(480);
  });

  it('draws in steps after a search that found nothing, too', () => {
    expect(drawnCounts(480, 0, 20)).toEqual([20, 120, 220, 320, 420, 480]);
  });

  it('draws a step or less of new rows with the change (a log that grew by a few)', () => {
    expect(rowsToDrawAtOnce({ rowCount: 305, drawnBefore: 300, fillingTheBox: 20 })).toBe(305);
    expect(rowsToDrawAtOnce({ rowCount: 120, drawnBefore: 20, fillingTheBox: 20 })).toBe(120);
    expect(rowsToDrawAtOnce({ rowCount: 121, drawnBefore: 20, fillingTheBox: 20 })).toBe(20);
  });

  it('draws as many rows as the table had, or those filling the box, when the rows change under it; the rest a step at a time', () => {
    expect(drawnCounts(480, 23, 20)).toEqual([23, 123, 223, 323, 423, 480]);
    expect(drawnCounts(480, 3, 30)).toEqual([30, 130, 230, 330, 430, 480]);
  });

  it('redraws rows updated in place, and a narrower list, all at once', () => {
    expect(rowsToDrawAtOnce({ rowCount: 480, drawnBefore: 480, fillingTheBox: 20 })).toBe(480);
    expect(rowsToDrawAtOnce({ rowCount: 167, drawnBefore: 480, fillingTheBox: 20 })).toBe(167);
  });

  it('draws a short list whole even when the table was drawn before', () => {
    expect(rowsToDrawAtOnce({ rowCount: 7, drawnBefore: 3, fillingTheBox: 20 })).toBe(7);
  });

  it('always ends with every row in the page, never more, never going back', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2_000 }),
        fc.option(fc.nat({ max: 2_000 }), { nil: undefined }),
        fc.integer({ min: -5, max: 3_000 }),
        (rowCount, drawnBefore, fillingTheBox) => {
          const counts = drawnCounts(rowCount, drawnBefore, fillingTheBox);
          expect(counts.at(-1)).toBe(rowCount);
          expect(counts.every((count) => count >= 0 && count <= rowCount)).toBe(true);
          for (let step = 1; step < counts.length; step++) {
            expect(counts[step]! - counts[step - 1]!).toBeGreaterThan(0);
            expect(counts[step]! - counts[step - 1]!).toBeLessThanOrEqual(DRAW_STEP);
          }
          // Never fewer rows in the page than before the change, but for a shorter list.
          expect(counts[0]).toBeGreaterThanOrEqual(Math.min(rowCount, drawnBefore ?? rowCount));
          if (rowCount > 0) expect(counts[0]).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('counts the rows from the top of the table to the bottom of the visible box, plus the margin', () => {
    expect(rowsFillingTheBox(0, 370, 37, 5)).toBe(15);
    expect(rowsFillingTheBox(740, 370, 37, 5)).toBe(35);
    expect(rowsFillingTheBox(0, 371, 37, 0)).toBe(11);
  });
});
