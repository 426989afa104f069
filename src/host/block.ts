/**
 * A table block a host can insert: host-neutral, so the template converter (src/host) and every host (Office,
 * memory) share one shape. host.ts re-exports these types with the rest of the host contract.
 */
import type { CellRange } from "../core/address";
import type { TemplateBlock } from "../core/templates";

/**
 * How a block should look once written, as the core template states it: its title, header and total rows, grid
 * lines, and, on a sheet of its own, its column widths, row heights and print setup. Formatting only, never values.
 */
export type BlockLayout = Pick<TemplateBlock, "columnWidths" | "rowHeights" | "regions" | "print">;

/** A template table to insert; values from its top-left cell; merges relative to it. */
export interface TableBlock {
  /** Name of the new sheet when inserted as one (made unique if taken). */
  title: string;
  values: (string | number | null)[][];
  merges?: CellRange[];
  numberFormats?: (string | null)[][];
  /**
   * Formula text (without "=") of each cell for the block placed with its top-left at `origin` (0-based sheet
   * row/column), null where the cell holds a plain value. A function, because a template's SUMs name the cells where
   * the block lands, which only the host knows (the selection).
   */
  formulasAt?: (origin: { row: number; col: number }) => (string | null)[][];
  layout?: BlockLayout;
}
