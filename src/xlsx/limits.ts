/**
 * Explicit bounds of the reader, each checked before the memory it guards is spent: declared sizes from the zip's
 * central directory before inflating, inflated bytes while inflating, cells/rows/strings while parsing. Generous for
 * real workbooks (a 300,000-row sheet is about 80 MB of XML and 2 M cells), small enough that no file can make the
 * process use more than a few hundred MB.
 */
export interface ReadLimits {
  /** Entries in the zip. */
  maxEntries: number;
  /** Declared (and actual) uncompressed bytes of one part that is read. */
  maxPartBytes: number;
  /** Declared uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Stored cells with a value or formula, all sheets together. */
  maxCells: number;
  /** Shared strings. */
  maxSharedStrings: number;
  /** Characters of one string, and of any run of text between two tags (what the XML parser buffers). */
  maxStringLength: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxEntries: 100_000,
  maxPartBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCells: 5_000_000,
  maxSharedStrings: 5_000_000,
  maxStringLength: 4 * 1024 * 1024,
});

/** Excel's own grid: 1,048,576 rows × 16,384 columns (XFD). A reference outside it is damage, not data. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
