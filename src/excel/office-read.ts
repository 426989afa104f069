/**
 * Reading a workbook through Office.js into the core grid with as few round trips as the host allows:
 *  - one sync for a typical workbook: sheets are enumerated with getFirst/getNextOrNullObject (no sync to list them)
 *    and every used range is loaded in the same batch;
 *  - for large ones the limit error (or a size learned from an earlier read) switches to a plan: one sync for the
 *    used-range addresses, then row blocks packed under the payload target, halving the target on a limit error.
 */
import { cellCount, parseRange, type CellRange } from "../core/address";
import type { GridSheet, GridWorkbook } from "../core/grid";
import type { Capabilities } from "./capabilities";
import type { RangeContents, RangeRequest } from "../host/host";
import {
  BYTES_PER_CELL,
  DEFAULT_TARGET_BYTES,
  MEASURED_TARGET_FACTOR,
  learnedBytesPerCell,
  loadedBytes,
  emptySheet,
  fillHoles,
  isLimitError,
  planBatches,
  placeBlock,
  toGridBlock,
  yieldToEventLoop,
  type BlockRequest,
  type GridBlock,
} from "./read-plan";

const DATA_PROPS = ["values", "valueTypes", "formulas", "numberFormat"];
const DATA_PROPS_AND_ADDRESS = ["address", ...DATA_PROPS];
/** Sheets probed per enumeration batch before the count is known; unit workbooks have 8–20. */
const FIRST_SHEET_GUESS = 24;

/**
 * Loads another component wants in the read's own sync (the mark writer's scan for marks of an earlier session), so
 * they cost no round trip of their own. `sheet` queues loads for one sheet and returns what to do once they arrived.
 */
export interface ProbeExtra {
  sheet(ws: Excel.Worksheet): (name: string) => void;
  workbook(ctx: Excel.RequestContext): () => void;
}

export interface SheetInfo {
  id: string;
  name: string;
}

interface SheetProbe {
  ws: Excel.Worksheet;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
  extra?: (name: string) => void;
}

interface SheetLayout extends SheetInfo {
  used: CellRange | null;
  merges: CellRange[];
}

export class WorkbookReader {
  /** Learned payload target: halved after a limit error and kept for later reads. */
  targetBytes: number;
  /** Cells read last time: a workbook known to be large skips the optimistic single-sync read. */
  private lastCells: number | undefined;
  /**
   * Response bytes per cell measured per sheet on the blocks read so far (sheets differ: long CJK labels, more text
   * columns). A sheet not measured yet is planned with the densest one measured; nothing measured: conservatively.
   */
  private measured = new Map<string, number>();
  /** Set by a limit error: the measured size proved too low for this host, stay at the halved target. */
  private limitHit = false;
  private sheetGuess = FIRST_SHEET_GUESS;
  /**
   * Office.js documents that operations on a null object are no-ops; we also rely on navigation from a null object
   * (a sheet past the last, a deleted sheet) giving null objects. If a host ever rejects that, we fall back for the
   * rest of the session to listing the sheets first (one more sync) and addressing only sheets that exist.
   */
  private nullChaining = true;

  constructor(
    private readonly caps: Capabilities,
    targetBytes = DEFAULT_TARGET_BYTES,
  ) {
    this.targetBytes = targetBytes;
  }

  /** The whole workbook; also returns the sheet ids so events (which carry ids) can be mapped to names. */
  async readWorkbook(ctx: Excel.RequestContext, extra?: ProbeExtra): Promise<{ workbook: GridWorkbook; sheets: SheetInfo[] }> {
    if (this.lastCells === undefined || this.lastCells * this.densest() <= this.targetBytes) {
      try {
        const { sheets, layouts } = await this.probeAll(ctx, true, extra);
        return this.finish(sheets, layouts);
      } catch (e) {
        if (!isLimitError(e)) throw e;
      }
    }
    const layouts = (await this.probeAll(ctx, false, extra)).layouts;
    const sheets = await this.readLayouts(ctx, layouts);
    return this.finish(sheets, layouts);
  }

  /** Named sheets (missing ones are skipped): one sync unless they are large. */
  async readSheets(ctx: Excel.RequestContext, names: readonly string[]): Promise<GridSheet[]> {
    let wanted = [...names];
    const probe = (full: boolean) => wanted.map((name) => this.queueProbe(this.sheetRef(ctx, name), full));
    for (let attempt = 0; ; attempt++) {
      try {
        const probes = probe(true);
        await ctx.sync();
        return probes.filter((p) => !p.ws.isNullObject).map((p) => this.sheetFromProbe(p));
      } catch (e) {
        if (isLimitError(e)) break;
        if (attempt > 0) throw e;
        wanted = await this.keepExisting(ctx, wanted);
      }
    }
    const probes = probe(false);
    await ctx.sync();
    const layouts = probes.filter((p) => !p.ws.isNullObject).map((p) => this.layoutFromProbe(p));
    return this.readLayouts(ctx, layouts);
  }

  /** Blocks of cells; large requests are cut into row blocks and re-joined, so each request yields one result. */
  async readRanges(ctx: Excel.RequestContext, requests: readonly RangeRequest[]): Promise<RangeContents[]> {
    const tagged = requests.map((r, tag) => ({ sheet: r.sheet, range: r.range, tag }));
    const parts = await this.readBlocks(ctx, tagged);
    const out: RangeContents[] = [];
    requests.forEach((req, tag) => {
      const mine = parts.filter((p) => p.req.tag === tag);
      if (mine.length === 0) return; // the sheet is gone
      out.push({
        sheet: req.sheet,
        range: req.range,
        values: mine.flatMap((p) => p.block.values),
        formulas: mine.flatMap((p) => p.block.formulas),
        numberFormats: mine.flatMap((p) => p.block.numberFormats),
      });
    });
    return out;
  }

  private finish(sheets: GridSheet[], infos: SheetInfo[]): { workbook: GridWorkbook; sheets: SheetInfo[] } {
    this.lastCells = sheets.reduce((n, s) => n + (s.rowCount ?? 0) * (s.colCount ?? 0), 0);
    this.sheetGuess = Math.max(4, infos.length + 1);
    return { workbook: { sheets }, sheets: infos.map(({ id, name }) => ({ id, name })) };
  }

  /**
   * Walk the sheets with getFirst/getNextOrNullObject, queueing each one's used range, so listing and loading share
   * one sync; surplus probes past the last sheet are null objects and cost a few bytes. Loops only for workbooks
   * with more sheets than guessed.
   */
  private async enumerate(
    ctx: Excel.RequestContext,
    full: boolean,
    extra?: ProbeExtra,
  ): Promise<{ sheets: GridSheet[]; infos: SheetInfo[]; layouts: SheetLayout[] }> {
    const sheets: GridSheet[] = [];
    const layouts: SheetLayout[] = [];
    let start: Excel.Worksheet = ctx.workbook.worksheets.getFirst();
    let workbookDone = extra?.workbook(ctx);
    for (;;) {
      const probes: SheetProbe[] = [];
      let ws = start;
      for (let i = 0; i < this.sheetGuess; i++) {
        if (i > 0) ws = ws.getNextOrNullObject();
        probes.push(this.queueProbe(ws, full, extra));
      }
      const more = ws.getNextOrNullObject();
      more.load("id");
      await ctx.sync();
      workbookDone?.();
      workbookDone = undefined;
      for (const p of probes) {
        if (p.ws.isNullObject) break;
        p.extra?.(p.ws.name);
        if (full) sheets.push(this.sheetFromProbe(p));
        layouts.push(this.layoutFromProbe(p));
        if (full) await yieldToEventLoop();
      }
      if (more.isNullObject) break;
      start = ctx.workbook.worksheets.getItem(more.id);
    }
    return { sheets, infos: layouts, layouts };
  }

  /** Every sheet, probed by chaining (one sync) or, where chaining on null objects failed, by listing first. */
  private async probeAll(
    ctx: Excel.RequestContext,
    full: boolean,
    extra?: ProbeExtra,
  ): Promise<{ sheets: GridSheet[]; layouts: SheetLayout[] }> {
    if (this.nullChaining) {
      try {
        return await this.enumerate(ctx, full, extra);
      } catch (e) {
        if (isLimitError(e)) throw e;
        this.nullChaining = false;
      }
    }
    const names = await this.keepExisting(ctx, null);
    const workbookDone = extra?.workbook(ctx);
    const probes = names.map((name) => this.queueProbe(ctx.workbook.worksheets.getItem(name), full, extra));
    await ctx.sync();
    workbookDone?.();
    const sheets: GridSheet[] = [];
    for (const p of probes) {
      p.extra?.(p.ws.name);
      if (full) sheets.push(this.sheetFromProbe(p));
      if (full) await yieldToEventLoop();
    }
    return { sheets, layouts: probes.map((p) => this.layoutFromProbe(p)) };
  }

  private sheetRef(ctx: Excel.RequestContext, name: string): Excel.Worksheet {
    return this.nullChaining
      ? ctx.workbook.worksheets.getItemOrNullObject(name)
      : ctx.workbook.worksheets.getItem(name);
  }

  /**
   * After a batch failed for a reason other than size (a sheet deleted meanwhile, or a host that rejects navigation
   * from null objects): list the sheets (one sync), keep the names that exist (all when `names` is null), and from
   * now on address sheets with getItem.
   */
  private async keepExisting(ctx: Excel.RequestContext, names: readonly string[] | null): Promise<string[]> {
    this.nullChaining = false;
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const existing = sheets.items.map((s) => s.name);
    return names === null ? existing : names.filter((n) => existing.includes(n));
  }

  private queueProbe(ws: Excel.Worksheet, full: boolean, extra?: ProbeExtra): SheetProbe {
    ws.load("name,id");
    // valuesOnly: a column formatted to the last row must not make the used range a million rows tall.
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(full ? DATA_PROPS_AND_ADDRESS : ["address"]);
    let merges: Excel.RangeAreas | undefined;
    if (this.caps.mergedAreas) {
      merges = used.getMergedAreasOrNullObject();
      merges.load("address");
    }
    return { ws, used, merges, extra: extra?.sheet(ws) };
  }

  private layoutFromProbe(p: SheetProbe): SheetLayout {
    return {
      id: p.ws.id,
      name: p.ws.name,
      used: p.used.isNullObject ? null : parseRange(p.used.address),
      merges: p.merges && !p.merges.isNullObject ? parseAreas(p.merges.address) : [],
    };
  }

  private sheetFromProbe(p: SheetProbe): GridSheet {
    const layout = this.layoutFromProbe(p);
    const sheet = emptySheet(layout.name);
    sheet.merges = layout.merges;
    if (layout.used) {
      const u = p.used;
      placeBlock(
        sheet,
        layout.used,
        toGridBlock({ values: u.values, valueTypes: u.valueTypes, formulas: u.formulas, numberFormat: u.numberFormat }),
      );
    }
    fillHoles(sheet);
    return sheet;
  }

  private async readLayouts(ctx: Excel.RequestContext, layouts: readonly SheetLayout[]): Promise<GridSheet[]> {
    const sheets = layouts.map((l) => {
      const s = emptySheet(l.name);
      s.merges = l.merges;
      return s;
    });
    const requests = layouts.flatMap((l, tag) => (l.used ? [{ sheet: l.name, range: l.used, tag }] : []));
    for (const part of await this.readBlocks(ctx, requests))
      placeBlock(sheets[part.req.tag], part.req.range, part.block);
    sheets.forEach(fillHoles);
    return sheets;
  }

  private densest(): number {
    return this.measured.size > 0 ? Math.max(...this.measured.values()) : BYTES_PER_CELL;
  }

  private bytesPerCell(sheet: string): number {
    return this.measured.get(sheet) ?? this.densest();
  }

  /** Measured sizes let blocks fill closer to the cap, unless a limit error said otherwise. */
  private get planTarget(): number {
    return this.measured.size > 0 && !this.limitHit ? Math.floor(this.targetBytes * MEASURED_TARGET_FACTOR) : this.targetBytes;
  }

  private plan<T extends BlockRequest>(requests: readonly T[]): T[][] {
    return planBatches(requests, this.planTarget, (sheet) => this.bytesPerCell(sheet));
  }

  /**
   * ⌈payload / target⌉ syncs: the first batch is planned with a conservative size per cell, later ones with the size
   * measured so far. A limit error halves the target and re-plans what is left.
   */
  private async readBlocks<T extends BlockRequest>(
    ctx: Excel.RequestContext,
    requests: readonly T[],
  ): Promise<{ req: T; block: GridBlock }[]> {
    const out: { req: T; block: GridBlock }[] = [];
    const bytesBySheet = new Map<string, { bytes: number; cells: number }>();
    let batches = this.plan(requests);
    let recovered = false;
    while (batches.length > 0) {
      const batch = batches[0];
      const loaded = batch.map((b) => {
        const ws = this.sheetRef(ctx, b.sheet);
        const r = b.range;
        const range = ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
        range.load(DATA_PROPS);
        return { b, ws, range };
      });
      try {
        await ctx.sync();
      } catch (e) {
        if (!isLimitError(e)) {
          if (recovered) throw e;
          recovered = true;
          const existing = new Set(await this.keepExisting(ctx, [...new Set(requests.map((r) => r.sheet))]));
          batches = this.plan(batches.flat().filter((b) => existing.has(b.sheet)));
          continue;
        }
        const smallest = batch.length === 1 && batch[0].range.top === batch[0].range.bottom;
        if (smallest) throw e;
        this.targetBytes = Math.max(this.densest(), Math.floor(Math.min(this.targetBytes, this.planTarget) / 2));
        this.limitHit = true;
        batches = this.plan(batches.flat());
        continue;
      }
      for (const { b, ws, range } of loaded) {
        if (ws.isNullObject) continue;
        const block = { values: range.values, valueTypes: range.valueTypes, formulas: range.formulas, numberFormat: range.numberFormat };
        const m = bytesBySheet.get(b.sheet) ?? { bytes: 0, cells: 0 };
        m.bytes += loadedBytes(block);
        m.cells += cellCount(b.range);
        bytesBySheet.set(b.sheet, m);
        this.measured.set(b.sheet, learnedBytesPerCell(m.bytes, m.cells));
        out.push({ req: b, block: toGridBlock(block) });
      }
      batches = batches.slice(1);
      // Re-plan what is left with the sizes measured so far (a few bytes per cell add up to syncs).
      if (batches.length > 0) batches = this.plan(batches.flat());
      await yieldToEventLoop();
    }
    return out;
  }
}

/** "Sheet1!A1:B2, 'My sheet'!C3" or "A1:B2,C3" → ranges. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /(?:^|!|,\s*)(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (const m of address.matchAll(re)) out.push(parseRange(m[1]));
  return out;
}
