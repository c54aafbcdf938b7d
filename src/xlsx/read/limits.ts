/**
 * Hard limits of the district-file reader. A district form is about 70 rows × 7 columns, a few hundred
 * shared strings, ~50 merged ranges and 20–150 kB of XML; the limits leave two or three orders of
 * magnitude above that and keep any single file under about 2 s and 300 MB (measured by the tests in
 * `test/corpus` and by `npm run bench`). A file past a limit is refused with a message naming it.
 */
export const READ_LIMITS = {
  /** Largest file accepted at all (checked before unpacking). */
  fileBytes: 20 * 1024 * 1024,
  /** Entries in the zip directory. */
  zipEntries: 10000,
  /** Sum of the declared sizes of all zip entries. */
  zipTotalBytes: 256 * 1024 * 1024,
  /** Largest declared size of one zip entry. */
  zipEntryBytes: 128 * 1024 * 1024,
  /** Largest compression ratio of an entry above 1 MB. */
  zipRatio: 200,
  /** Largest XML part the reader parses (uncompressed; a form's largest is its shared strings, < 1 MB). */
  partBytes: 16 * 1024 * 1024,
  /** Bytes the reader inflates for one file, all parts together (each part is inflated once). */
  inflatedBytes: 32 * 1024 * 1024,
  /** Worksheets in one workbook. */
  sheets: 256,
  /** Items in the shared strings table. */
  sharedStrings: 200000,
  /** Cells with a value on one sheet. */
  cells: 200000,
  /**
   * Merged ranges on one sheet (each is kept as a range, never expanded cell by cell). A form whose
   * every text cell is full (32,767 characters) runs to about 15,000 rows and over 10,000 merges.
   */
  merges: 50000,
  /** Pictures on one sheet (drawing anchors and pictures placed in cells). */
  pictures: 10000,
  /** Nesting depth of XML elements. */
  xmlDepth: 200,
  /** Highest row and column of a worksheet (Excel's own grid). */
  maxRow: 1048576,
  maxCol: 16384,
  /** Columns kept in the grid: the form has 7, its header is searched in the first 40. */
  gridCols: 200,
} as const;
