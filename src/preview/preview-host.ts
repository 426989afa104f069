/**
 * The preview's workbook host: the adapter's MemoryHost, plus a notification whenever something the grid shows
 * changes (cells, marks, selection), since MemoryHost only tells the live checker about user edits. After every edit
 * the formulas are recalculated with the core evaluator, as Excel would: a template's totals follow the amounts
 * typed into it, and the recalculated cells are announced to the live checker like the edit itself.
 */
import type { FindingCell, Finding } from "../core/finding";
import type { FindingDelta } from "../core/finding-delta";
import { computeFormula, recalculate } from "../core/formula/evaluate";
import { cellValue, formulaWithoutValue, isErrorValue, type CellValue, type GridWorkbook } from "../core/grid";
import type { BlockTarget, ChangeListener, CodeInsertMode, CodeRow, InsertResult, TableBlock, Unsubscribe } from "../host/host";
import { MemoryHost } from "../host/memory-host";

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isErrorValue(a) || isErrorValue(b)) return isErrorValue(a) && isErrorValue(b) && a.error === b.error;
  return a === b;
}

export class PreviewHost extends MemoryHost {
  private readonly viewListeners = new Set<() => void>();
  private readonly changeListeners = new Set<ChangeListener>();
  private version = 0;

  /** A workbook opened in the preview: formulas saved without a value (files written by scripts) are computed. */
  constructor(workbook: GridWorkbook) {
    super(workbook);
    for (const s of this.workbook.sheets)
      s.formulas?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (!f || !formulaWithoutValue(s, r, c)) return;
          const v = computeFormula(this.workbook, s.name, f);
          if (v !== null) (s.values[r] ??= [])[c] = v;
        }),
      );
  }

  override async onChange(listener: ChangeListener): Promise<Unsubscribe> {
    const unsubscribe = await super.onChange(listener);
    this.changeListeners.add(listener);
    return async () => {
      this.changeListeners.delete(listener);
      await unsubscribe();
    };
  }

  /** Formulas computed afresh; the cells whose value changed are written and announced. */
  private recalculate(): void {
    for (const u of recalculate(this.workbook)) {
      const s = this.workbook.sheets.find((x) => x.name === u.sheet)!;
      if (sameValue(cellValue(s, u.row, u.col), u.value)) continue;
      (s.values[u.row] ??= [])[u.col] = u.value;
      const range = { top: u.row, left: u.col, bottom: u.row, right: u.col };
      for (const l of this.changeListeners) l({ kind: "cells", sheet: u.sheet, range });
    }
  }

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
      this.recalculate();
      this.changed();
    }
  }

  override async insertBlock(block: TableBlock, target: BlockTarget): Promise<InsertResult> {
    try {
      return await super.insertBlock(block, target);
    } finally {
      this.recalculate();
      this.changed();
    }
  }

  override select(sheet: string, address: string): void {
    super.select(sheet, address);
    this.changed();
  }

  override setCellValue(sheet: string, address: string, value: CellValue): void {
    super.setCellValue(sheet, address, value);
    this.recalculate();
    this.changed();
  }

  override paste(sheet: string, address: string, values: CellValue[][]): void {
    super.paste(sheet, address, values);
    this.recalculate();
    this.changed();
  }
}
