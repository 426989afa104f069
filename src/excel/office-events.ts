/**
 * Turns Excel's worksheet events into HostChanges. Events carry sheet ids and addresses, never reliable new values
 * (`details` exists only for single-cell edits), so every change means "re-read this area"; inserted or deleted
 * rows/columns mean "re-read the sheet".
 */
import { parseRange, type CellRange } from "../core/address";
import type { Capabilities } from "./capabilities";
import type { ExcelRunner } from "./excel-runner";
import type { HostChange } from "../host/host";

const STRUCTURE_CHANGES = new Set<string>([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

export interface EventSink {
  emit(change: HostChange): void;
  /** Rows or sheets moved: recorded mark addresses may be stale. */
  structureChanged(): void;
  /** A sheet was deleted (its marks with it). */
  sheetGone?(id: string, name: string | undefined): void;
}

export class EventBridge {
  /** Sheet id → name, filled by reads and kept current by events. */
  readonly names = new Map<string, string>();
  private handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];

  constructor(
    private readonly run: ExcelRunner,
    private readonly caps: Capabilities,
    private readonly sink: EventSink,
  ) {}

  get subscribed(): boolean {
    return this.handlers.length > 0;
  }

  async subscribe(): Promise<void> {
    if (this.subscribed || this.caps.changeEvents === "none") return;
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const changed = (e: Excel.WorksheetChangedEventArgs) => quietly(this.changed(e));
      if (this.caps.changeEvents === "workbook") this.handlers.push(sheets.onChanged.add(changed));
      else {
        sheets.load("items/id");
        await ctx.sync();
        for (const ws of sheets.items) this.handlers.push(ws.onChanged.add(changed));
      }
      this.handlers.push(sheets.onAdded.add((e) => quietly(this.added(e))));
      this.handlers.push(sheets.onDeleted.add((e) => quietly(this.deleted(e))));
      if (this.caps.renameEvents) this.handlers.push(sheets.onNameChanged.add((e) => quietly(this.renamed(e))));
      // After an edit it comes with the edit's onChanged (one burst); alone, after F9 or a volatile formula.
      if (this.caps.calculatedEvents) this.handlers.push(sheets.onCalculated.add(async () => this.sink.emit({ kind: "calculated" })));
      await ctx.sync();
    });
  }

  async unsubscribe(): Promise<void> {
    const handlers = this.handlers;
    this.handlers = [];
    if (handlers.length === 0) return;
    // Handlers added later (new sheets) may belong to other contexts; each context removes its own.
    const contexts = new Set(handlers.map((h) => h.context));
    for (const h of handlers) h.remove();
    for (const c of contexts) await c.sync();
  }

  private async changed(e: Excel.WorksheetChangedEventArgs): Promise<void> {
    // Our inserts announce themselves; our marks are not the user's edits.
    if (this.caps.triggerSource && e.triggerSource === "ThisLocalAddin") return;
    const sheet = await this.nameOf(e.worksheetId);
    if (sheet === undefined) return;
    if (STRUCTURE_CHANGES.has(e.changeType)) {
      this.sink.structureChanged();
      this.sink.emit({ kind: "sheet", sheet });
      return;
    }
    for (const part of e.address.split(",")) {
      const range = parseEventRange(part.trim());
      // Whole rows/columns ("A:C", "3:5") may reach past the used area: re-read the sheet instead of a million cells.
      this.sink.emit(range ? { kind: "cells", sheet, range } : { kind: "sheet", sheet });
    }
  }

  private async added(e: Excel.WorksheetAddedEventArgs): Promise<void> {
    const name = await this.resolve(e.worksheetId);
    if (name === undefined) return;
    if (this.caps.changeEvents === "worksheet")
      await this.run(async (ctx) => {
        this.handlers.push(
          ctx.workbook.worksheets.getItem(e.worksheetId).onChanged.add((ev) => quietly(this.changed(ev))),
        );
        await ctx.sync();
      });
    this.sink.emit({ kind: "sheet", sheet: name });
  }

  private async deleted(e: Excel.WorksheetDeletedEventArgs): Promise<void> {
    const name = this.names.get(e.worksheetId);
    this.names.delete(e.worksheetId);
    this.sink.sheetGone?.(e.worksheetId, name);
    this.sink.structureChanged();
    if (name !== undefined) this.sink.emit({ kind: "sheet-deleted", sheet: name });
  }

  private async renamed(e: Excel.WorksheetNameChangedEventArgs): Promise<void> {
    this.names.set(e.worksheetId, e.nameAfter);
    this.sink.structureChanged();
    this.sink.emit({ kind: "sheet-renamed", from: e.nameBefore, to: e.nameAfter });
  }

  /** Without rename events (before 1.17) the name is re-read on each change, so a rename is noticed late, not never. */
  private async nameOf(id: string): Promise<string | undefined> {
    const known = this.names.get(id);
    if (known !== undefined && this.caps.renameEvents) return known;
    const current = await this.resolve(id);
    if (known !== undefined && current !== undefined && current !== known) {
      this.sink.structureChanged();
      this.sink.emit({ kind: "sheet-renamed", from: known, to: current });
    }
    return current;
  }

  private async resolve(id: string): Promise<string | undefined> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(id);
      ws.load("name");
      await ctx.sync();
      if (ws.isNullObject) return undefined;
      this.names.set(id, ws.name);
      return ws.name;
    });
  }
}

/**
 * An event handler's rejection has nowhere useful to go (Office only logs it). A failed name lookup means the sheet
 * is already gone, and its deletion arrives as its own event; the next full re-check repairs anything else.
 */
function quietly(p: Promise<void>): Promise<void> {
  return p.catch(() => undefined);
}

/** "B3" / "B3:D9" → range; "A:C", "3:5" (whole columns/rows) → null. */
export function parseEventRange(address: string): CellRange | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  if (!/\d/.test(bare) || !/[A-Za-z]/.test(bare)) return null;
  try {
    return parseRange(bare);
  } catch {
    return null;
  }
}
