/**
 * The preview's workbook host: the adapter's MemoryHost, plus a notification whenever something the grid shows
 * changes (cells, marks, selection), since MemoryHost only tells the live checker about user edits.
 */
import type { FindingCell, Finding } from "../core/finding";
import type { FindingDelta } from "../core/finding-delta";
import type { CellValue } from "../core/grid";
import type { BlockTarget, CodeInsertMode, CodeRow, InsertResult, TableBlock } from "../excel/host";
import { MemoryHost } from "../excel/memory-host";

export class PreviewHost extends MemoryHost {
  private readonly viewListeners = new Set<() => void>();
  private version = 0;

  /** For useSyncExternalStore: a number that changes whenever the view must re-render. */
  get viewVersion(): number {
    return this.version;
  }

  subscribeView(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.viewListeners) l();
  }

  override async writeHighlights(findings: readonly Finding[], delta?: FindingDelta): Promise<void> {
    await super.writeHighlights(findings, delta);
    this.changed();
  }

  override async clearHighlights(): Promise<void> {
    await super.clearHighlights();
    this.changed();
  }

  override async selectCells(cells: readonly FindingCell[]): Promise<void> {
    await super.selectCells(cells);
    this.changed();
  }

  override async insertCodes(rows: readonly CodeRow[], mode: CodeInsertMode): Promise<InsertResult> {
    try {
      return await super.insertCodes(rows, mode);
    } finally {
      this.changed();
    }
  }

  override async insertBlock(block: TableBlock, target: BlockTarget): Promise<InsertResult> {
    try {
      return await super.insertBlock(block, target);
    } finally {
      this.changed();
    }
  }

  override select(sheet: string, address: string): void {
    super.select(sheet, address);
    this.changed();
  }

  override setCellValue(sheet: string, address: string, value: CellValue): void {
    super.setCellValue(sheet, address, value);
    this.changed();
  }
}
