/**
 * Row heights for files written by the CLI. Excel sizes rows without a stored height to their wrapped
 * text, but LibreOffice (and printing from it) keeps the default height and clips. The writers store
 * this estimate without marking it manual, so Excel still re-fits a row when its text changes.
 */

/** Thai vowels and tone marks above or below the line take no width of their own. */
const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b]/g;

/** Characters of TH Sarabun New 16 pt that fit in one column-width unit (measured on Thai text). */
const CHARS_PER_WIDTH = 0.75;
const WORD_WRAP_SLACK = 1.15;
/** Points per line of TH Sarabun New 16 pt, and padding. */
export const LINE_POINTS = 24;
const PADDING = 4;

function lines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH));
  return (
    text
      .split("\n")
      // Lines break between words, not anywhere: allow for the space lost at the end of each line.
      .reduce(
        (n, part) =>
          n +
          Math.max(1, Math.ceil((part.replace(COMBINING, "").length * WORD_WRAP_SLACK) / perLine)),
        0
      )
  );
}

/** Height in points for a row of wrapped cells; null when one line is enough. */
export function estimateRowHeight(
  cells: readonly { text: string; width: number }[],
  maxPoints = 409
): number | null {
  const n = cells.reduce((m, c) => Math.max(m, c.text ? lines(c.text, c.width) : 1), 1);
  return n <= 1 ? null : Math.min(maxPoints, n * LINE_POINTS + PADDING);
}
