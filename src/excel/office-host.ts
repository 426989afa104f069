/**
 * WorkbookHost over Office.js. The only module family (office-*.ts) that calls Excel; everything it needs comes
 * through an ExcelRunner so tests can hand it a fake context and count round trips.
 */
import { rangeToA1, type CellRange } from "../core/address";
import type { GridSheet, GridWorkbook } from "../core/grid";
import { a1, type Finding, type FindingCell } from "../core/finding";
import type { FindingDelta } from "../core/finding-delta";
import { officeCapabilities, type Capabilities } from "./capabilities";
import { officeRunner, type ExcelRunner } from "./excel-runner";
import {
  TargetNotEmptyError,
  type BlockLayout,
  type BlockTarget,
  type ChangeListener,
  type CodeInsertMode,
  type CodeRow,
  type HostChange,
  type InsertResult,
  type RangeContents,
  type RangeRequest,
  type TableBlock,
  type Unsubscribe,
  type WorkbookHost,
} from "../host/host";
import { codeRowsToValues, isBlank, uniqueSheetName } from "../host/insert-values";
import { EventBridge } from "./office-events";
import { queueBlockFormats, queuePrintSetup } from "./office-layout";
import type { MarkStore } from "./mark-registry";
import { MarkWriter, type SheetRef } from "./office-marks";
import { WorkbookReader } from "./office-read";
import { DEFAULT_TARGET_BYTES } from "./read-plan";

export interface OfficeHostOptions {
  /** Defaults to what Office.context.requirements reports. */
  capabilities?: Capabilities;
  /** Payload aimed at per sync (defaults below the 5 MB cap of Excel on the web). */
  targetBytes?: number;
  /**
   * Where the registry of the add-in's marks lives: the workbook's settings (officeMarkStore) in Excel, so the pane,
   * the ribbon and later sessions share it. Defaults to memory (this host only).
   */
  markStore?: MarkStore;
}

export class OfficeHost implements WorkbookHost {
  private readonly caps: Capabilities;
  private readonly reader: WorkbookReader;
  private readonly marks: MarkWriter;
  private readonly events: EventBridge;
  private readonly listeners = new Set<ChangeListener>();
  private sheetNames: string[] = [];

  constructor(
    private readonly run: ExcelRunner = officeRunner,
    options: OfficeHostOptions = {},
  ) {
    this.caps = options.capabilities ?? officeCapabilities();
    const target = options.targetBytes ?? DEFAULT_TARGET_BYTES;
    this.reader = new WorkbookReader(this.caps, target);
    this.marks = new MarkWriter(this.caps, options.markStore, target);
    this.events = new EventBridge(run, this.caps, {
      emit: (c) => this.emit(c),
      structureChanged: () => this.marks.distrust(),
      sheetGone: (id, name) => this.marks.sheetGone(id, name),
    });
  }

  get capabilities(): Capabilities {
    return this.caps;
  }

  async readWorkbook(): Promise<GridWorkbook> {
    // The read's sync also looks for marks of an earlier session, so the first highlight write needs no scan.
    const prescan = this.marks.prescan();
    const { workbook, sheets } = await this.run((ctx) => this.reader.readWorkbook(ctx, prescan?.extra));
    prescan?.accept();
    this.events.names.clear();
    for (const s of sheets) this.events.names.set(s.id, s.name);
    this.sheetNames = sheets.map((s) => s.name);
    return workbook;
  }

  readSheets(names: string[]): Promise<GridSheet[]> {
    return this.run((ctx) => this.reader.readSheets(ctx, names));
  }

  readRanges(requests: RangeRequest[]): Promise<RangeContents[]> {
    return this.run(async (ctx) => {
      // The edit's re-read also looks at our notes on those sheets and at the formats on the re-read areas: the write
      // after it removes our notes safely (a note the user rewrote is theirs) and pasted copies of our format, in its
      // one sync.
      const verified = this.marks.queueVerify(
        ctx,
        requests.map((r) => ({ sheet: r.sheet, address: rangeToA1(r.range) })),
      );
      const blocks = await this.reader.readRanges(ctx, requests);
      verified();
      return blocks;
    });
  }

  writeHighlights(findings: readonly Finding[], delta?: FindingDelta): Promise<void> {
    return this.run((ctx) => this.marks.write(ctx, this.knownSheets(), findings, delta));
  }

  clearHighlights(): Promise<void> {
    return this.run((ctx) => this.marks.clear(ctx, this.knownSheets()));
  }

  async selectCells(cells: readonly FindingCell[]): Promise<void> {
    const first = cells[0];
    if (!first) return;
    const addresses = cells.filter((c) => c.sheet === first.sheet).map(a1);
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(first.sheet);
      ws.activate();
      if (addresses.length > 1 && this.caps.rangeAreas) ws.getRanges(addresses.join(",")).select();
      else ws.getRange(a1(first)).select();
      await ctx.sync();
    });
  }

  async insertCodes(rows: readonly CodeRow[], mode: CodeInsertMode): Promise<InsertResult> {
    const values = codeRowsToValues(rows, mode);
    // Text format first, so "05" (款) and "2080505" stay text and keep their zeros.
    const formats = values.map((r) => r.map(() => "@"));
    return this.writeAtSelection(values, formats, []);
  }

  async insertBlock(block: TableBlock, target: BlockTarget): Promise<InsertResult> {
    const formats = block.values.map((r, i) => r.map((_, j) => block.numberFormats?.[i]?.[j] ?? "General"));
    if (target === "selection") return this.writeAtSelection(block.values, formats, block.merges ?? [], block.formulasAt, block.layout);
    const result = await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const name = uniqueSheetName(
        block.title,
        sheets.items.map((s) => s.name),
      );
      const ws = sheets.add(name);
      const range = ws.getRangeByIndexes(0, 0, block.values.length, width(block.values));
      this.queueWrite(ws, range, { top: 0, left: 0 }, block.values, formats, block.merges ?? [], block.formulasAt?.({ row: 0, col: 0 }));
      if (block.layout) queueBlockFormats(ws, { top: 0, left: 0 }, width(block.values), block.layout, true);
      ws.activate();
      await ctx.sync();
      if (block.layout && this.caps.pageLayout) {
        queuePrintSetup(ws, { top: 0, left: 0 }, block.values.length, width(block.values), block.layout);
        // Print setup is a nicety: a host that rejects it leaves the inserted table as it is.
        await ctx.sync().catch(() => undefined);
      }
      return { sheet: name, range: blockRange({ top: 0, left: 0 }, block.values) };
    });
    this.sheetNames.push(result.sheet);
    this.emit({ kind: "sheet", sheet: result.sheet });
    return result;
  }

  async onChange(listener: ChangeListener): Promise<Unsubscribe> {
    this.listeners.add(listener);
    await this.events.subscribe();
    return async () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) await this.events.unsubscribe();
    };
  }

  private emit(change: HostChange): void {
    if (change.kind === "sheet-renamed")
      this.sheetNames = this.sheetNames.map((n) => (n === change.from ? change.to : n));
    if (change.kind === "sheet-deleted") this.sheetNames = this.sheetNames.filter((n) => n !== change.sheet);
    if (change.kind === "sheet" && !this.sheetNames.includes(change.sheet)) this.sheetNames.push(change.sheet);
    for (const l of this.listeners) l(change);
  }

  /** Sheets by id where a read or an event told us the id; by name (which Excel also accepts) otherwise. */
  private knownSheets(): SheetRef[] {
    const byName = new Map([...this.events.names].map(([id, name]) => [name, id]));
    const names = this.sheetNames.length > 0 ? this.sheetNames : [...byName.keys()];
    return names.map((name) => ({ id: byName.get(name) ?? name, name }));
  }

  marksNeedRepair(): boolean {
    return this.marks.hasStrays;
  }

  /** Sheets whose marks the last write or clear could not change (protected, gone); the next one retries. */
  get sheetsNotMarked(): readonly string[] {
    return this.marks.failedSheets;
  }

  /** Two syncs: read the selection and the target area, then write (or refuse without writing). */
  private async writeAtSelection(
    values: (string | number | null)[][],
    formats: string[][],
    merges: CellRange[],
    formulasAt?: TableBlock["formulasAt"],
    layout?: BlockLayout,
  ): Promise<InsertResult> {
    const result = await this.run(async (ctx) => {
      const selected = ctx.workbook.getSelectedRange();
      selected.load("rowIndex,columnIndex");
      const ws = selected.worksheet;
      ws.load("name");
      const target = selected.getCell(0, 0).getAbsoluteResizedRange(values.length, width(values));
      target.load("values,formulas");
      await ctx.sync();
      const at = { top: selected.rowIndex, left: selected.columnIndex };
      const range = blockRange(at, values);
      if (!isBlank(target.values) || !isBlank(target.formulas))
        throw new TargetNotEmptyError(ws.name, rangeToA1(range));
      this.queueWrite(ws, target, at, values, formats, merges, formulasAt?.({ row: at.top, col: at.left }));
      if (layout) queueBlockFormats(ws, at, width(values), layout, false);
      await ctx.sync();
      return { sheet: ws.name, range };
    });
    this.emit({ kind: "cells", sheet: result.sheet, range: result.range });
    return result;
  }

  private queueWrite(
    ws: Excel.Worksheet,
    range: Excel.Range,
    at: { top: number; left: number },
    values: (string | number | null)[][],
    formats: string[][],
    merges: CellRange[],
    formulas?: (string | null)[][],
  ): void {
    const cols = width(values);
    const pad = <T>(rows: T[][], fill: T) => rows.map((r) => [...r, ...new Array<T>(cols - r.length).fill(fill)]);
    range.numberFormat = pad(formats, "General");
    const plain = pad(values, null).map((r) => r.map((v) => v ?? ""));
    // One assignment either way: Excel takes plain values inside a `formulas` array.
    if (formulas) range.formulas = plain.map((r, i) => r.map((v, j) => (formulas[i]?.[j] ? `=${formulas[i][j]}` : v)));
    else range.values = plain;
    for (const m of merges)
      ws.getRangeByIndexes(at.top + m.top, at.left + m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  }
}

function width(values: readonly (readonly unknown[])[]): number {
  return Math.max(1, ...values.map((r) => r.length));
}

function blockRange(at: { top: number; left: number }, values: readonly (readonly unknown[])[]): CellRange {
  return {
    top: at.top,
    left: at.left,
    bottom: at.top + Math.max(1, values.length) - 1,
    right: at.left + width(values) - 1,
  };
}
