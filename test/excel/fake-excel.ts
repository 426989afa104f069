/**
 * A small but faithful fake of the parts of the Excel object model the adapter uses, for counting round trips.
 *
 * Semantics copied from Office.js:
 *  - proxies queue loads and operations; nothing happens until `context.sync()`;
 *  - reading a property that was not loaded, or before the sync, throws (office-addin-mock returns error strings);
 *  - *OrNullObject proxies resolve at sync: `isNullObject` is readable afterwards, operations on them are no-ops,
 *    children of a null object are null objects; a missing item from a plain getter fails the batch (ItemNotFound);
 *  - a batch whose request or response exceeds the payload cap throws RequestPayloadSizeLimitExceeded /
 *    ResponsePayloadSizeLimitExceeded; a range read above `maxCellsPerRead` throws RangeExceedsLimit;
 *  - conditional formats: a new one gets priority 0 (front of the list); ids are unique strings.
 * Sizes are simulated as UTF-8 JSON bytes of the arguments sent and of the values returned.
 */
import { parseA1, parseRange, rangeToA1, rangesIntersect, type CellRange } from "../../src/core/address";
import type { ExcelRunner } from "../../src/excel/excel-runner";
import { recalculate } from "../../src/core/formula/evaluate";
import { isErrorValue, type CellValue, type GridWorkbook } from "../../src/core/grid";

export type Scalar = string | number | boolean;

export interface FakeCell {
  value?: Scalar;
  /** "=…" */
  formula?: string;
  /** Shown as an Excel error value (#REF! …). */
  error?: string;
  numberFormat?: string;
  /** The user's own direct fill. */
  fill?: string;
}

export interface FakeCf {
  id: string;
  type: "Custom" | "CellValue";
  formula: string | null;
  fill: string | null;
  areas: CellRange[];
}

export interface FakeNote {
  content: string;
}

export interface FakeComment {
  id: string;
  sheetId: string;
  address: string;
  content: string;
  /** Replies in the comment's thread (Comment.replies, ExcelApi 1.10); deleting the comment deletes them too. */
  replies?: { id: string; content: string }[];
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  cfs: FakeCf[];
  notes: Map<string, FakeNote>;
  /** A protected sheet: the add-in's format and note writes on it fail the batch (AccessDenied). */
  protected?: boolean;
  /** Formatting written through Range.format and Worksheet.pageLayout (absent until the add-in writes some). */
  layout?: FakeLayout;
}

/** What the add-in set: each format property on each range, border styles, sizes, print setup, in order. */
export interface FakeLayout {
  formats: { area: CellRange; prop: string; value: unknown }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  page: { orientation?: string; zoom?: unknown; titleRows?: string; printArea?: CellRange };
}

function layoutOf(sheet: FakeSheet): FakeLayout {
  return (sheet.layout ??= { formats: [], columnWidths: new Map(), rowHeights: new Map(), page: {} });
}

export interface FakeOptions {
  /** Request and response cap (Excel on the web: 5 MB). */
  payloadCap?: number;
  maxCellsPerRead?: number;
  /** A host that fails the batch (InvalidObjectPath) when navigating from a null worksheet. */
  strictNullNavigation?: boolean;
  /**
   * Excel's automatic calculation: after each user edit the formulas are recomputed (the core evaluator standing in
   * for Excel's) before the change event fires, and no event names the recalculated cells, as in Excel.
   */
  calculate?: boolean;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message = code,
  ) {
    super(message);
  }
}

type Op = () => void;

interface Load {
  proxy: Proxy;
  props: string[];
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  loads: number;
  error?: string;
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");
const BASE_OP_BYTES = 60;
/** Each object path a batch creates travels with the request (Office.js "ObjectPaths"). */
const PATH_BYTES = 80;

// ---------------------------------------------------------------------------------------------------------------
// The document state and the context

export class FakeExcel {
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  selection: { sheetId: string; range: CellRange } | undefined;
  activeSheetId: string | undefined;
  /** Areas of the last select() (several for a RangeAreas selection). */
  selectedAreas: string[] = [];
  enableEvents = true;
  /** Every value enableEvents was set to, in order. */
  enableEventsHistory: boolean[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly context: FakeContext;
  payloadCap: number;
  maxCellsPerRead: number;
  strictNullNavigation: boolean;
  calculate: boolean;
  /** Recalculations run so far (automatic ones and calculateNow). */
  calculations = 0;
  /**
   * Runs once in the middle of the next batch that changes something (after half its operations): a user action that
   * lands while the add-in's marks are being written.
   */
  duringNextWrite: (() => unknown) | undefined;
  private nextId = 1;
  readonly handlers = {
    changed: [] as Handler[],
    added: [] as Handler[],
    deleted: [] as Handler[],
    nameChanged: [] as Handler[],
    calculated: [] as Handler[],
    sheetChanged: new Map<string, Handler[]>(),
  };

  constructor(options: FakeOptions = {}) {
    this.payloadCap = options.payloadCap ?? 5 * 1024 * 1024;
    this.maxCellsPerRead = options.maxCellsPerRead ?? 5_000_000;
    this.strictNullNavigation = options.strictNullNavigation ?? false;
    this.calculate = options.calculate ?? false;
    this.context = new FakeContext(this);
  }

  /** The adapter's view: every batch runs on this one context. */
  get runner(): ExcelRunner {
    const ctx = this.context as unknown as Excel.RequestContext;
    return (batch) => batch(ctx);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  addSheet(name: string, rows: (Scalar | null | FakeCell)[][] = [], at = { row: 0, col: 0 }): FakeSheet {
    const sheet: FakeSheet = { id: this.newId("ws"), name, cells: new Map(), merges: [], cfs: [], notes: new Map() };
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        sheet.cells.set(key(at.row + i, at.col + j), typeof v === "object" ? { ...v } : { value: v });
      }),
    );
    this.sheets.push(sheet);
    this.selection ??= { sheetId: sheet.id, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === nameOrId || s.id === nameOrId);
  }

  /** Everything the user could see or lose: cells with formats, merges, conditional formats, notes, comments. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, { ...c }]),
        merges: s.merges.map((m) => ({ ...m })),
        cfs: s.cfs.map((c, priority) => ({ ...c, priority, areas: c.areas.map((a) => ({ ...a })) })),
        notes: [...s.notes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => [k, { ...n }]),
        layout: s.layout && { ...s.layout, formats: [...s.layout.formats], columnWidths: [...s.layout.columnWidths], rowHeights: [...s.layout.rowHeights] },
      })),
      comments: this.comments.map((c) => ({ ...c })),
    };
  }

  /** Every formula computed afresh from the cells it reads, silently (Excel raises no onChanged for results). */
  calculateNow(): void {
    this.calculations++;
    const wb: GridWorkbook = { sheets: [] };
    for (const s of this.sheets) {
      const values: CellValue[][] = [];
      const formulas: (string | null)[][] = [];
      for (const [k, c] of s.cells) {
        const { row, col } = unkey(k);
        (values[row] ??= [])[col] = c.error !== undefined ? { error: c.error } : (c.value ?? null);
        if (c.formula) (formulas[row] ??= [])[col] = c.formula.slice(1);
      }
      wb.sheets.push({ name: s.name, values, formulas, merges: [] });
    }
    for (const u of recalculate(wb)) {
      const s = this.sheet(u.sheet);
      const cell = s.cells.get(key(u.row, u.col))!;
      if (isErrorValue(u.value)) s.cells.set(key(u.row, u.col), { ...cell, value: undefined, error: u.value.error });
      else s.cells.set(key(u.row, u.col), { ...cell, value: u.value ?? undefined, error: undefined });
    }
  }

  /** Excel raises onCalculated after each calculation (ExcelApi 1.8), automatic or not, once per sheet calculated. */
  private recalcAfterEdit(): Promise<void> {
    if (!this.calculate) return Promise.resolve();
    return this.userCalculate();
  }

  /** F9 (or a volatile formula, a linked workbook): every formula recomputed, onCalculated raised, no onChanged. */
  async userCalculate(): Promise<void> {
    this.calculateNow();
    for (const s of this.sheets) await fire(this.handlers.calculated, { worksheetId: s.id, type: "WorksheetCalculated" });
  }

  // ---- simulated user actions (fire events like Excel) ----

  userEdit(sheetName: string, address: string, value: Scalar | null): Promise<void> {
    const s = this.sheet(sheetName);
    const { row, col } = parseA1(address);
    if (value === null) s.cells.delete(key(row, col));
    else s.cells.set(key(row, col), { ...s.cells.get(key(row, col)), value, formula: undefined, error: undefined });
    return this.fireChanged(s, address, "RangeEdited").then(() => this.recalcAfterEdit());
  }

  userPaste(sheetName: string, address: string, values: Scalar[][]): Promise<void> {
    const s = this.sheet(sheetName);
    const { row, col } = parseA1(address);
    values.forEach((r, i) => r.forEach((v, j) => s.cells.set(key(row + i, col + j), { value: v })));
    const range = { top: row, left: col, bottom: row + values.length - 1, right: col + values[0].length - 1 };
    return this.fireChanged(s, rangeToA1(range), "RangeEdited").then(() => this.recalcAfterEdit());
  }

  /** Rows inserted above `beforeRow` (0-based): cells, notes, merges and conditional formats move down. */
  userInsertRows(sheetName: string, beforeRow: number, count: number): Promise<void> {
    const s = this.sheet(sheetName);
    const shift = (r: number) => (r >= beforeRow ? r + count : r);
    s.cells = new Map([...s.cells].map(([k, c]) => [shiftKey(k, shift), c]));
    s.notes = new Map(
      [...s.notes].map(([a, n]) => {
        const p = parseA1(a);
        return [rangeToA1({ top: shift(p.row), bottom: shift(p.row), left: p.col, right: p.col }), n];
      }),
    );
    const move = (m: CellRange) => ({
      ...m,
      top: shift(m.top),
      bottom: m.bottom >= beforeRow ? m.bottom + count : m.bottom,
    });
    s.merges = s.merges.map(move);
    for (const cf of s.cfs) cf.areas = cf.areas.map(move);
    return this.fireChanged(s, `${beforeRow + 1}:${beforeRow + count}`, "RowInserted");
  }

  /**
   * Copy one cell and paste it elsewhere with everything (Excel's default paste): value, the conditional formats on
   * it (a new rule with a new id on the target, as Excel does) and its note.
   */
  userCopyCell(sheetName: string, from: string, to: string): Promise<void> {
    const s = this.sheet(sheetName);
    const a = parseA1(from);
    const b = parseA1(to);
    const cell = s.cells.get(key(a.row, a.col));
    if (cell) s.cells.set(key(b.row, b.col), { ...cell });
    const target = { top: b.row, left: b.col, bottom: b.row, right: b.col };
    for (const cf of [...s.cfs])
      if (cf.areas.some((x) => x.top <= a.row && a.row <= x.bottom && x.left <= a.col && a.col <= x.right))
        s.cfs.push({ ...cf, id: this.newId("cf"), areas: [target] });
    const note = s.notes.get(from);
    if (note) s.notes.set(to, { ...note });
    return this.fireChanged(s, to, "RangeEdited");
  }

  /** The user replies in the thread of the comment on `address`. */
  userReply(sheetName: string, address: string, content: string): void {
    const s = this.sheet(sheetName);
    const c = this.comments.find((x) => x.sheetId === s.id && x.address === address);
    if (!c) throw new Error(`no comment at ${address}`);
    (c.replies ??= []).push({ id: this.newId("reply"), content });
  }

  userAddSheet(name: string, rows: (Scalar | null)[][]): Promise<void> {
    const s = this.addSheet(name, rows);
    return fire(this.handlers.added, { worksheetId: s.id, source: "Local", type: "WorksheetAdded" });
  }

  userDeleteSheet(name: string): Promise<void> {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.comments = this.comments.filter((c) => c.sheetId !== s.id);
    return fire(this.handlers.deleted, { worksheetId: s.id, source: "Local", type: "WorksheetDeleted" });
  }

  userRenameSheet(from: string, to: string): Promise<void> {
    const s = this.sheet(from);
    s.name = to;
    return fire(this.handlers.nameChanged, {
      worksheetId: s.id,
      nameBefore: from,
      nameAfter: to,
      source: "Local",
      type: "WorksheetNameChanged",
    });
  }

  /** Value writes of the add-in, announced after their batch (Excel raises onChanged for them too). */
  readonly addinWrites: { sheet: FakeSheet; address: string }[] = [];

  async fireChanged(s: FakeSheet, address: string, changeType: string, triggerSource = "Unknown"): Promise<void> {
    if (!this.enableEvents) return;
    const args = {
      worksheetId: s.id,
      address,
      changeType,
      source: "Local",
      triggerSource,
      type: "WorksheetChanged",
    };
    await fire(this.handlers.changed, args);
    await fire(this.handlers.sheetChanged.get(s.id) ?? [], args);
  }

  // ---- geometry used by proxies ----

  usedRange(s: FakeSheet): CellRange | null {
    let r: CellRange | null = null;
    for (const [k, c] of s.cells) {
      if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
      const { row, col } = unkey(k);
      r = r
        ? {
            top: Math.min(r.top, row),
            left: Math.min(r.left, col),
            bottom: Math.max(r.bottom, row),
            right: Math.max(r.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return r;
  }
}

type Handler = (args: unknown) => Promise<unknown>;

async function fire(handlers: Handler[], args: unknown): Promise<void> {
  for (const h of [...handlers]) await h(args);
}

export function key(row: number, col: number): string {
  return `${String(row).padStart(7, "0")}:${String(col).padStart(5, "0")}`;
}

function unkey(k: string): { row: number; col: number } {
  const [r, c] = k.split(":");
  return { row: Number(r), col: Number(c) };
}

function shiftKey(k: string, shift: (r: number) => number): string {
  const { row, col } = unkey(k);
  return key(shift(row), col);
}

export class FakeContext {
  private queue: (Op | Load)[] = [];
  private created: Proxy[] = [];
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
  }

  track(p: Proxy): void {
    this.created.push(p);
  }

  op(proxy: Proxy, args: unknown, fn: (target: unknown) => void): void {
    const opFn: Op & { bytes?: number } = () => {
      const t = proxy.target();
      if (t === null) return; // null object: no-op
      fn(t);
    };
    opFn.bytes = BASE_OP_BYTES + bytes(args);
    this.queue.push(opFn);
  }

  load(proxy: Proxy, props: string[]): void {
    this.queue.push({ proxy, props });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    const record: SyncRecord = { requestBytes: created.length * PATH_BYTES, responseBytes: 0, ops: 0, loads: 0 };
    this.excel.syncs.push(record);
    for (const q of queue) {
      if (typeof q === "function") {
        record.ops++;
        record.requestBytes += (q as Op & { bytes?: number }).bytes ?? BASE_OP_BYTES;
      } else {
        record.loads++;
        record.requestBytes += BASE_OP_BYTES + bytes(q.props);
      }
    }
    const fail = (code: string) => {
      record.error = code;
      throw new FakeExcelError(code);
    };
    if (record.requestBytes > this.excel.payloadCap) fail("RequestPayloadSizeLimitExceeded");
    const results: [Proxy, Record<string, unknown>][] = [];
    const opCount = queue.filter((q) => typeof q === "function").length;
    let opsRun = 0;
    for (const q of queue) {
      if (typeof q === "function") {
        const hook = this.excel.duringNextWrite;
        if (hook && opsRun >= Math.floor(opCount / 2)) {
          this.excel.duringNextWrite = undefined;
          void hook();
        }
        opsRun++;
        try {
          q();
        } catch (e) {
          record.error = e instanceof FakeExcelError ? e.code : String(e);
          throw e;
        }
        continue;
      }
      let data: Record<string, unknown>;
      try {
        const t = q.proxy.target();
        if (t === null) continue;
        data = q.proxy.read(t, q.props);
      } catch (e) {
        record.error = e instanceof FakeExcelError ? e.code : String(e);
        throw e;
      }
      record.responseBytes += bytes(data);
      results.push([q.proxy, data]);
    }
    if (record.responseBytes > this.excel.payloadCap) fail("ResponsePayloadSizeLimitExceeded");
    for (const [proxy, data] of results) proxy.receive(data);
    for (const p of created) p.settle();
    // As Excel: the add-in's own value writes raise onChanged, marked triggerSource "ThisLocalAddin" (ExcelApi 1.14).
    for (const w of this.excel.addinWrites.splice(0)) void this.excel.fireChanged(w.sheet, w.address, "RangeEdited", "ThisLocalAddin");
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

abstract class Proxy {
  private loaded = new Map<string, unknown>();
  private settled: boolean | undefined;
  constructor(
    readonly ctx: FakeContext,
    /** Null objects (and children of null objects) resolve to null instead of failing the batch. */
    readonly nullable: boolean,
  ) {
    ctx.track(this);
  }
  protected abstract resolve(): unknown;
  /** For children: the parent's target or null. */
  target(): unknown {
    const t = this.resolve();
    if (t === null || t === undefined) {
      if (this.nullable) return null;
      throw new FakeExcelError("ItemNotFound");
    }
    return t;
  }
  abstract read(target: unknown, props: string[]): Record<string, unknown>;
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.load(this, list);
    return this;
  }
  receive(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this.loaded.set(k, v);
  }
  settle(): void {
    try {
      this.settled = this.resolve() === null || this.resolve() === undefined;
    } catch {
      this.settled = true;
    }
  }
  get isNullObject(): boolean {
    if (this.settled === undefined) throw new Error("isNullObject read before context.sync()");
    return this.settled;
  }
  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${name} (load it and call context.sync() first)`);
    return this.loaded.get(name) as T;
  }
  get excel(): FakeExcel {
    return this.ctx.excel;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly comments: CommentCollectionProxy;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.comments = new CommentCollectionProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    const ex = this.ctx.excel;
    return new RangeProxy(this.ctx, false, () => {
      const sel = ex.selection;
      const s = sel && ex.findSheet(sel.sheetId);
      return s && sel ? { sheet: s, areas: [sel.range] } : null;
    });
  }
}

class RuntimeProxy {
  constructor(private readonly ctx: FakeContext) {}
  set enableEvents(v: boolean) {
    const ex = this.ctx.excel;
    this.ctx.op(new ValueProxy(this.ctx, () => ex), { enableEvents: v }, () => {
      ex.enableEvents = v;
      ex.enableEventsHistory.push(v);
    });
  }
}

/** A proxy over any value (used to queue operations on document-level state). */
class ValueProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly get: () => unknown,
  ) {
    super(ctx, false);
  }
  protected resolve(): unknown {
    return this.get();
  }
  read(): Record<string, unknown> {
    return {};
  }
}

class EventHandlersProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly list: () => Handler[],
  ) {}
  add(handler: Handler): { remove(): void; context: FakeContext } {
    const list = this.list();
    list.push(handler);
    return { remove: () => list.splice(list.indexOf(handler), 1), context: this.ctx };
  }
}

class WorksheetCollectionProxy extends Proxy {
  items: WorksheetProxy[] = [];
  readonly onChanged: EventHandlersProxy;
  readonly onAdded: EventHandlersProxy;
  readonly onDeleted: EventHandlersProxy;
  readonly onNameChanged: EventHandlersProxy;
  readonly onCalculated: EventHandlersProxy;
  constructor(ctx: FakeContext) {
    super(ctx, false);
    const h = ctx.excel.handlers;
    this.onChanged = new EventHandlersProxy(ctx, () => h.changed);
    this.onAdded = new EventHandlersProxy(ctx, () => h.added);
    this.onDeleted = new EventHandlersProxy(ctx, () => h.deleted);
    this.onNameChanged = new EventHandlersProxy(ctx, () => h.nameChanged);
    this.onCalculated = new EventHandlersProxy(ctx, () => h.calculated);
  }
  protected resolve(): unknown {
    return this.excel.sheets;
  }
  read(_t: unknown, props: string[]): Record<string, unknown> {
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const data = this.excel.sheets.map((s) => {
      const p = new WorksheetProxy(this.ctx, false, () => this.excel.findSheet(s.id) ?? null);
      const d = p.read(s, itemProps);
      p.receive(d);
      p.settle();
      return [p, d] as const;
    });
    this.items = data.map(([p]) => p);
    return { items: data.map(([, d]) => d) };
  }
  getFirst(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, false, () => this.excel.sheets[0] ?? null);
  }
  getItem(k: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, false, () => this.excel.findSheet(k) ?? null);
  }
  getItemOrNullObject(k: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, true, () => this.excel.findSheet(k) ?? null);
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.op(this, { add: name }, () => {
      if (this.excel.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists");
      created = this.excel.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, false, () => created ?? null);
  }
}

class WorksheetProxy extends Proxy {
  readonly onChanged: EventHandlersProxy;
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly find: () => FakeSheet | null,
  ) {
    super(ctx, nullable);
    this.onChanged = new EventHandlersProxy(ctx, () => {
      const s = this.find();
      if (!s) throw new FakeExcelError("ItemNotFound");
      const m = ctx.excel.handlers.sheetChanged;
      if (!m.has(s.id)) m.set(s.id, []);
      return m.get(s.id) as Handler[];
    });
  }
  protected resolve(): FakeSheet | null {
    return this.find();
  }
  read(t: unknown, props: string[]): Record<string, unknown> {
    const s = t as FakeSheet;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "name") out.name = s.name;
      else if (p === "id") out.id = s.id;
      else throw new Error(`fake: cannot load Worksheet.${p}`);
    }
    return out;
  }
  get name(): string {
    return this.prop("name");
  }
  get id(): string {
    return this.prop("id");
  }
  private sheetOrNull = (): FakeSheet | null => {
    let s: FakeSheet | null;
    try {
      s = this.target() as FakeSheet | null;
    } catch {
      return null;
    }
    if (s === null && this.excel.strictNullNavigation) throw new FakeExcelError("InvalidObjectPath");
    return s;
  };
  getNextOrNullObject(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, true, () => {
      const s = this.sheetOrNull();
      if (!s) return null;
      return this.excel.sheets[this.excel.sheets.indexOf(s) + 1] ?? null;
    });
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, true, () => {
      const s = this.sheetOrNull();
      const used = s && this.excel.usedRange(s);
      return s && used ? { sheet: s, areas: [used] } : null;
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const s = this.sheetOrNull();
      if (!s) return null;
      return {
        sheet: s,
        areas: [address ? parseRange(address) : { top: 0, left: 0, bottom: 1_048_575, right: 16_383 }],
      };
    });
  }
  getRanges(address: string): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const s = this.sheetOrNull();
      return s ? { sheet: s, areas: address.split(",").map((a) => parseRange(a)) } : null;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const s = this.sheetOrNull();
      return s ? { sheet: s, areas: [{ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }] } : null;
    });
  }
  get notes(): NoteCollectionProxy {
    return new NoteCollectionProxy(this.ctx, this.nullable, this.sheetOrNull);
  }
  activate(): void {
    this.ctx.op(this, { activate: true }, (t) => {
      this.excel.activeSheetId = (t as FakeSheet).id;
    });
  }
  /** Worksheet.pageLayout (ExcelApi 1.9): orientation, zoom, print title rows and print area are recorded. */
  get pageLayout(): { orientation: string; zoom: unknown; setPrintTitleRows(rows: string): void; setPrintArea(range: RangeProxy): void } {
    const record = (args: object, fn: (page: FakeLayout["page"]) => void) => this.ctx.op(this, args, (t) => fn(layoutOf(t as FakeSheet).page));
    return {
      set orientation(v: string) {
        record({ orientation: v }, (p) => (p.orientation = v));
      },
      set zoom(v: unknown) {
        record({ zoom: v }, (p) => (p.zoom = v));
      },
      setPrintTitleRows: (rows: string) => record({ rows }, (p) => (p.titleRows = rows)),
      setPrintArea: (range: RangeProxy) =>
        record({ printArea: true }, (p) => {
          const t = range.target() as RangeTarget | null;
          if (t) p.printArea = { ...t.areas[0] };
        }),
    } as { orientation: string; zoom: unknown; setPrintTitleRows(rows: string): void; setPrintArea(range: RangeProxy): void };
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  areas: CellRange[];
}

/** Write-only stand-in for Excel.RangeFormat: font, alignment, wrap, sizes and borders, each set recorded. */
class RangeFormatFake {
  readonly font: { bold: boolean; size: number };
  readonly borders: { getItem(edge: string): { style: string } };
  constructor(private readonly set: (prop: string, value: unknown) => void) {
    const setter = (prefix: string) => (prop: string, value: unknown) => set(`${prefix}.${prop}`, value);
    const font = setter("font");
    this.font = {
      set bold(v: boolean) {
        font("bold", v);
      },
      set size(v: number) {
        font("size", v);
      },
    } as { bold: boolean; size: number };
    this.borders = {
      getItem: (edge: string) =>
        ({
          set style(v: string) {
            set(`borders.${edge}.style`, v);
          },
        }) as { style: string },
    };
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v);
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v);
  }
}

class RangeProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly find: () => RangeTarget | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): RangeTarget | null {
    return this.find();
  }
  /** Range.format: every property set is recorded on the sheet's layout (a range's own format, not conditional). */
  get format(): RangeFormatFake {
    const set = (prop: string, value: unknown) =>
      this.ctx.op(this, { [prop]: value }, (t) => {
        const { sheet, areas } = t as RangeTarget;
        const layout = layoutOf(sheet);
        for (const area of areas) {
          if (prop === "columnWidth") for (let c = area.left; c <= area.right; c++) layout.columnWidths.set(c, value as number);
          else if (prop === "rowHeight") for (let r = area.top; r <= area.bottom; r++) layout.rowHeights.set(r, value as number);
          else layout.formats.push({ area: { ...area }, prop, value });
        }
      });
    return new RangeFormatFake(set);
  }
  private rt = (): RangeTarget | null => {
    try {
      return this.target() as RangeTarget | null;
    } catch {
      return null;
    }
  };
  read(t: unknown, props: string[]): Record<string, unknown> {
    const { sheet, areas } = t as RangeTarget;
    const r = areas[0];
    const out: Record<string, unknown> = {};
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] => {
      if (cells > this.excel.maxCellsPerRead) throw new FakeExcelError("RangeExceedsLimit");
      const rows: T[][] = [];
      for (let i = r.top; i <= r.bottom; i++) {
        const row: T[] = [];
        for (let j = r.left; j <= r.right; j++) row.push(f(sheet.cells.get(key(i, j))));
        rows.push(row);
      }
      return rows;
    };
    for (const p of props) {
      switch (p) {
        case "address":
          out.address = areas.map((a) => `${quote(sheet.name)}!${rangeToA1(a)}`).join(",");
          break;
        case "values":
          out.values = grid((c) => c?.error ?? c?.value ?? "");
          break;
        case "valueTypes":
          out.valueTypes = grid((c) =>
            c?.error
              ? "Error"
              : c?.value === undefined
                ? "Empty"
                : typeof c.value === "number"
                  ? "Double"
                  : typeof c.value === "boolean"
                    ? "Boolean"
                    : "String",
          );
          break;
        case "formulas":
          out.formulas = grid((c) => c?.formula ?? c?.error ?? c?.value ?? "");
          break;
        case "numberFormat":
          out.numberFormat = grid((c) => c?.numberFormat ?? "General");
          break;
        case "rowIndex":
          out.rowIndex = r.top;
          break;
        case "columnIndex":
          out.columnIndex = r.left;
          break;
        default:
          throw new Error(`fake: cannot load Range.${p}`);
      }
    }
    return out;
  }
  get address(): string {
    return this.prop("address");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    this.ctx.op(this, v, (t) =>
      this.write(t as RangeTarget, v, (c, x) => ({
        ...c,
        value: x === "" ? undefined : (x as Scalar),
        formula: undefined,
      })),
    );
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  /** As Excel: "=…" strings become formulas (uncalculated here), anything else a plain value. */
  set formulas(v: unknown[][]) {
    this.ctx.op(this, v, (t) =>
      this.write(t as RangeTarget, v, (c, x) =>
        typeof x === "string" && x.startsWith("=")
          ? { ...c, value: undefined, formula: x }
          : { ...c, value: x === "" ? undefined : (x as Scalar), formula: undefined },
      ),
    );
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.op(this, v, (t) => this.write(t as RangeTarget, v, (c, x) => ({ ...c, numberFormat: String(x) })));
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  private write(t: RangeTarget, v: unknown[][], f: (c: FakeCell, x: unknown) => FakeCell): void {
    const r = t.areas[0];
    this.excel.addinWrites.push({ sheet: t.sheet, address: rangeToA1(r) });
    v.forEach((row, i) =>
      row.forEach((x, j) => {
        const k = key(r.top + i, r.left + j);
        const next = f(t.sheet.cells.get(k) ?? {}, x);
        if (Object.values(next).every((y) => y === undefined)) t.sheet.cells.delete(k);
        else t.sheet.cells.set(k, next);
      }),
    );
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.nullable, () => this.rt()?.sheet ?? null);
  }
  get conditionalFormats(): CfCollectionProxy {
    return new CfCollectionProxy(this.ctx, this.nullable, this.rt);
  }
  getMergedAreasOrNullObject(): RangeProxy {
    return new RangeProxy(this.ctx, true, () => {
      const t = this.rt();
      if (!t) return null;
      const merges = t.sheet.merges.filter((m) => t.areas.some((a) => rangesIntersect(a, m)));
      return merges.length ? { sheet: t.sheet, areas: merges } : null;
    });
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const t = this.rt();
      if (!t) return null;
      const a = t.areas[0];
      return {
        sheet: t.sheet,
        areas: [{ top: a.top + row, left: a.left + col, bottom: a.top + row, right: a.left + col }],
      };
    });
  }
  getAbsoluteResizedRange(rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const t = this.rt();
      if (!t) return null;
      const a = t.areas[0];
      return {
        sheet: t.sheet,
        areas: [{ top: a.top, left: a.left, bottom: a.top + rows - 1, right: a.left + cols - 1 }],
      };
    });
  }
  select(): void {
    this.ctx.op(this, { select: true }, (t) => {
      const { sheet, areas } = t as RangeTarget;
      this.excel.selection = { sheetId: sheet.id, range: areas[0] };
      this.excel.selectedAreas = areas.map(rangeToA1);
    });
  }
  merge(_across?: boolean): void {
    this.ctx.op(this, { merge: true }, (t) => {
      const { sheet, areas } = t as RangeTarget;
      sheet.merges.push({ ...areas[0] });
    });
  }
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class CfCollectionProxy extends Proxy {
  items: CfProxy[] = [];
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly range: () => RangeTarget | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): RangeTarget | null {
    return this.range();
  }
  private matching(t: RangeTarget): FakeCf[] {
    return t.sheet.cfs.filter((cf) => cf.areas.some((a) => t.areas.some((b) => rangesIntersect(a, b))));
  }
  read(t: unknown, props: string[]): Record<string, unknown> {
    const rt = t as RangeTarget;
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.items = this.matching(rt).map((cf) => {
      const p = new CfProxy(this.ctx, false, () => rt.sheet.cfs.find((c) => c.id === cf.id) ?? null);
      p.receive(p.read(cf, itemProps));
      p.settle();
      p.customOrNullObject.settle();
      p.customOrNullObject.rule.receive(cf.type === "Custom" ? { formula: cf.formula } : {});
      return p;
    });
    return { items: this.matching(rt).map((cf) => ({ id: cf.id, type: cf.type, formula: cf.formula })) };
  }
  add(type: "Custom" | "CellValue"): CfProxy {
    let created: FakeCf | undefined;
    this.ctx.op(this, { add: type }, (t) => {
      const rt = t as RangeTarget;
      guard(rt.sheet);
      created = { id: this.excel.newId("cf"), type, formula: null, fill: null, areas: rt.areas.map((a) => ({ ...a })) };
      rt.sheet.cfs.unshift(created); // priority 0
    });
    return new CfProxy(this.ctx, false, () => created ?? null);
  }
  getItem(id: string): CfProxy {
    return new CfProxy(this.ctx, false, () => {
      const t = this.range();
      return t ? (this.matching(t).find((c) => c.id === id) ?? null) : null;
    });
  }
  getItemOrNullObject(id: string): CfProxy {
    return new CfProxy(this.ctx, true, () => {
      const t = this.range();
      return t ? (this.matching(t).find((c) => c.id === id) ?? null) : null;
    });
  }
}

class CfProxy extends Proxy {
  readonly custom: CustomCfProxy;
  readonly customOrNullObject: CustomCfProxy;
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly find: () => FakeCf | null,
  ) {
    super(ctx, nullable);
    this.custom = new CustomCfProxy(ctx, nullable, () => this.cfOrNull());
    this.customOrNullObject = new CustomCfProxy(ctx, true, () => {
      const cf = this.cfOrNull();
      return cf && cf.type === "Custom" ? cf : null;
    });
  }
  private cfOrNull(): FakeCf | null {
    try {
      return this.target() as FakeCf | null;
    } catch {
      return null;
    }
  }
  protected resolve(): FakeCf | null {
    return this.find();
  }
  read(t: unknown, props: string[]): Record<string, unknown> {
    const cf = t as FakeCf;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "id") out.id = cf.id;
      else if (p === "type") out.type = cf.type;
      else if (p.startsWith("customOrNullObject/"))
        continue; // delivered to the child proxy
      else throw new Error(`fake: cannot load ConditionalFormat.${p}`);
    }
    return out;
  }
  get id(): string {
    return this.prop("id");
  }
  get type(): string {
    return this.prop("type");
  }
  delete(): void {
    this.ctx.op(this, { delete: true }, () => {
      for (const s of this.excel.sheets)
        if (s.cfs.includes(this.find() as FakeCf)) {
          guard(s);
          s.cfs = s.cfs.filter((c) => c !== this.find());
        }
    });
  }
}

class CustomCfProxy extends Proxy {
  readonly rule: CfRuleProxy;
  readonly format: { fill: FillProxy };
  constructor(ctx: FakeContext, nullable: boolean, find: () => FakeCf | null) {
    super(ctx, nullable);
    this.find = find;
    this.rule = new CfRuleProxy(ctx, nullable, find);
    const fill = new FillProxy(ctx, nullable, find);
    this.format = { fill };
  }
  private readonly find: () => FakeCf | null;
  protected resolve(): FakeCf | null {
    return this.find();
  }
  read(): Record<string, unknown> {
    return {};
  }
}

class FillProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly find: () => FakeCf | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): FakeCf | null {
    return this.find();
  }
  read(): Record<string, unknown> {
    return {};
  }
  set color(v: string) {
    this.ctx.op(this, { color: v }, (t) => {
      (t as FakeCf).fill = v;
    });
  }
}

class CfRuleProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly find: () => FakeCf | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): FakeCf | null {
    return this.find();
  }
  read(t: unknown): Record<string, unknown> {
    return { formula: (t as FakeCf).formula };
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.ctx.op(this, { formula: v }, (t) => {
      (t as FakeCf).formula = v;
    });
  }
}

class NoteCollectionProxy extends Proxy {
  items: NoteProxy[] = [];
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly sheet: () => FakeSheet | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): FakeSheet | null {
    return this.sheet();
  }
  read(t: unknown, props: string[]): Record<string, unknown> {
    const s = t as FakeSheet;
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.items = [...s.notes.keys()].map((addr) => {
      const p = new NoteProxy(this.ctx, false, s, addr);
      p.receive(p.read(s.notes.get(addr), itemProps));
      p.settle();
      return p;
    });
    return { items: [...s.notes.values()].map((n) => ({ content: n.content })) };
  }
  add(address: string, content: string): NoteProxy {
    this.ctx.op(this, [address, content], (t) => {
      const s = t as FakeSheet;
      guard(s);
      if (
        parseRange(address).top !== parseRange(address).bottom ||
        parseRange(address).left !== parseRange(address).right
      )
        throw new FakeExcelError("InvalidCellAddress");
      if (s.notes.has(address)) throw new FakeExcelError("InvalidArgument", `a note already exists at ${address}`);
      s.notes.set(address, { content });
    });
    return new NoteProxy(this.ctx, false, null, address, this.sheet);
  }
  getItemOrNullObject(address: string): NoteProxy {
    return new NoteProxy(this.ctx, true, null, address, this.sheet);
  }
}

class NoteProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly fixedSheet: FakeSheet | null,
    private readonly address: string,
    private readonly sheet: () => FakeSheet | null = () => fixedSheet,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): { sheet: FakeSheet; note: FakeNote } | null {
    const s = this.sheet();
    const note = s?.notes.get(this.address);
    return s && note ? { sheet: s, note } : null;
  }
  read(t: unknown, props: string[]): Record<string, unknown> {
    const note = (t as { note?: FakeNote }).note ?? (t as FakeNote);
    return props.includes("content") ? { content: note.content } : {};
  }
  get content(): string {
    return this.prop("content");
  }
  /** Note.content is read/write (ExcelApi 1.18). */
  set content(v: string) {
    this.ctx.op(this, { content: v }, (t) => {
      const { sheet, note } = t as { sheet: FakeSheet; note: FakeNote };
      guard(sheet);
      note.content = v;
    });
  }
  delete(): void {
    this.ctx.op(this, { delete: this.address }, (t) => {
      const { sheet, note } = t as { sheet: FakeSheet; note: FakeNote };
      guard(sheet);
      // An item of a loaded collection deletes the note it was read from, wherever that note is now.
      for (const [a, n] of sheet.notes) if (n === note) sheet.notes.delete(a);
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const s = this.sheet();
      return s ? { sheet: s, areas: [parseRange(this.address)] } : null;
    });
  }
}

class CommentCollectionProxy extends Proxy {
  items: CommentProxy[] = [];
  protected resolve(): FakeComment[] {
    return this.excel.comments;
  }
  constructor(ctx: FakeContext) {
    super(ctx, false);
  }
  read(_t: unknown, props: string[]): Record<string, unknown> {
    const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    this.items = this.excel.comments.map((c) => {
      const p = new CommentProxy(this.ctx, false, () => this.excel.comments.find((x) => x.id === c.id) ?? null);
      p.receive(p.read(c, itemProps));
      p.settle();
      return p;
    });
    return { items: this.excel.comments.map((c) => ({ id: c.id, content: c.content })) };
  }
  add(qualified: string, content: string): CommentProxy {
    let created: FakeComment | undefined;
    this.ctx.op(this, [qualified, content], () => {
      const bang = qualified.lastIndexOf("!");
      let name = qualified.slice(0, bang);
      if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
      const s = this.excel.findSheet(name);
      if (!s) throw new FakeExcelError("InvalidCellAddress");
      const address = qualified.slice(bang + 1);
      if (this.excel.comments.some((c) => c.sheetId === s.id && c.address === address))
        throw new FakeExcelError("InvalidArgument", "a comment already exists there");
      created = { id: this.excel.newId("comment"), sheetId: s.id, address, content };
      this.excel.comments.push(created);
    });
    return new CommentProxy(this.ctx, false, () => created ?? null);
  }
  getItem(id: string): CommentProxy {
    return new CommentProxy(this.ctx, false, () => this.excel.comments.find((c) => c.id === id) ?? null);
  }
  getItemOrNullObject(id: string): CommentProxy {
    return new CommentProxy(this.ctx, true, () => this.excel.comments.find((c) => c.id === id) ?? null);
  }
}

class CommentProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly find: () => FakeComment | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): FakeComment | null {
    return this.find();
  }
  read(t: unknown, props: string[]): Record<string, unknown> {
    const c = t as FakeComment;
    const out: Record<string, unknown> = {};
    if (props.includes("id")) out.id = c.id;
    if (props.includes("content")) out.content = c.content;
    return out;
  }
  get id(): string {
    return this.prop("id");
  }
  get content(): string {
    return this.prop("content");
  }
  /** Comment.content is read/write (ExcelApi 1.10). */
  set content(v: string) {
    this.ctx.op(this, { content: v }, (t) => {
      (t as FakeComment).content = v;
    });
  }
  get replies(): ReplyCollectionProxy {
    return (this.replyProxy ??= new ReplyCollectionProxy(this.ctx, this.nullable, () => {
      try {
        return this.target() as FakeComment | null;
      } catch {
        return null;
      }
    }));
  }
  private replyProxy: ReplyCollectionProxy | undefined;
  /** Deleting a comment deletes its whole thread, replies included (as in Excel). */
  delete(): void {
    this.ctx.op(this, { delete: true }, (t) => {
      this.excel.comments = this.excel.comments.filter((c) => c !== t);
    });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, this.nullable, () => {
      const c = this.find();
      const s = c && this.excel.findSheet(c.sheetId);
      return c && s ? { sheet: s, areas: [parseRange(c.address)] } : null;
    });
  }
}

class ReplyCollectionProxy extends Proxy {
  items: { id: string; content: string }[] = [];
  constructor(
    ctx: FakeContext,
    nullable: boolean,
    private readonly comment: () => FakeComment | null,
  ) {
    super(ctx, nullable);
  }
  protected resolve(): FakeComment | null {
    return this.comment();
  }
  read(t: unknown): Record<string, unknown> {
    const replies = ((t as FakeComment).replies ?? []).map((r) => ({ ...r }));
    this.items = replies;
    return { items: replies };
  }
}

function guard(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeExcelError("AccessDenied", `sheet ${sheet.name} is protected`);
}
