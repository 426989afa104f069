/**
 * The workbook-host contract: everything the live checker and the task pane need from "a spreadsheet the user is
 * editing". Two implementations: OfficeHost (Office.js, the only code that touches Excel) and MemoryHost (tests and
 * the browser preview). Addresses are A1 without sheet prefix; ranges are core 0-based CellRanges.
 */
import type { CellRange } from "../core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../core/grid";
import type { Finding, FindingCell } from "../core/finding";
import type { FindingDelta } from "../core/finding-delta";
import type { TableBlock } from "./block";

/** A changed area the host saw; the live checker re-reads it (events never carry the new values reliably). */
export type HostChange =
  | { kind: "cells"; sheet: string; range: CellRange }
  /** Rows/columns inserted or deleted, or a sheet added: the whole sheet must be re-read. */
  | { kind: "sheet"; sheet: string }
  | { kind: "sheet-deleted"; sheet: string }
  | { kind: "sheet-renamed"; from: string; to: string }
  /** Excel recalculated without an edit (F9, volatile formulas): the formula cells must be re-read. */
  | { kind: "calculated" };

export type ChangeListener = (change: HostChange) => void;
export type Unsubscribe = () => Promise<void>;

/** The re-read contents of one rectangular block (same shape as the core's GridChange "cells"). */
export interface RangeContents {
  sheet: string;
  range: CellRange;
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: (string | null)[][];
}

export interface RangeRequest {
  sheet: string;
  range: CellRange;
}

/** One catalogue line to insert: a function/economic classification code and its name. */
export interface CodeRow {
  code: string;
  name: string;
}

/** "code+name": one cell "2080505 行政单位离退休"; "split": 类 | 款 | 项 | name in four cells. */
export type CodeInsertMode = "code+name" | "split";

export type { BlockLayout, TableBlock } from "./block";

export type BlockTarget = "new-sheet" | "selection";

/** Where an insert landed. */
export interface InsertResult {
  sheet: string;
  range: CellRange;
}

/** The target area of an insert holds data; nothing was written. */
export class TargetNotEmptyError extends Error {
  constructor(
    readonly sheet: string,
    readonly address: string,
  ) {
    super(`目标区域 ${sheet}!${address} 不为空，未插入任何内容。请选择空白区域。`);
    this.name = "TargetNotEmptyError";
  }
  get messageEn(): string {
    return `The target area ${this.sheet}!${this.address} is not empty; nothing was inserted. Select an empty area.`;
  }
}

/** How findings show in the workbook: which annotation channel is used; "pane" = list only. */
export type AnnotationChannel = "notes" | "comments" | "pane";

export interface WorkbookHost {
  /** Every sheet's used area from A1 (values, formulas, number formats, merges). */
  readWorkbook(): Promise<GridWorkbook>;
  /** Whole sheets, e.g. after rows were inserted; missing sheets are left out. */
  readSheets(names: string[]): Promise<GridSheet[]>;
  /** Several blocks, batched into as few round trips as the host allows. */
  readRanges(requests: RangeRequest[]): Promise<RangeContents[]>;
  /**
   * Make the add-in's marks match `findings` exactly: marks of findings no longer present go, new ones come,
   * unchanged ones stay. Error and warning findings are marked on their first cell; info findings are pane-only.
   * `delta`, when given, is the session's delta from the findings of the last write: only what it names is planned.
   */
  writeHighlights(findings: readonly Finding[], delta?: FindingDelta): Promise<void>;
  /** Remove every mark the add-in made (this session's and stale ones); the user's own formats are untouched. */
  clearHighlights(): Promise<void>;
  /** Activate the first cell's sheet and select the cells of that sheet. */
  selectCells(cells: readonly FindingCell[]): Promise<void>;
  /** Write codes downward from the selection's top-left cell; refuses (TargetNotEmptyError) over data. */
  insertCodes(rows: readonly CodeRow[], mode: CodeInsertMode): Promise<InsertResult>;
  /** Insert a template on a new sheet, or at the selection if that area is empty (else TargetNotEmptyError). */
  insertBlock(block: TableBlock, target: BlockTarget): Promise<InsertResult>;
  /** Changes made by the user (not by the add-in's own marks). */
  onChange(listener: ChangeListener): Promise<Unsubscribe>;
}
