/**
 * Glue between a WorkbookHost and the core's CheckSession: read and check once, then on each burst of edits
 * (debounced) re-read only the changed areas, feed them to the session, and re-mark only what changed. The pane
 * subscribes to its state; no UI code here.
 */
import { CheckSession, type GridChange, type UpdateResult } from "../core/session";
import type { CheckResult, Finding } from "../core/finding";
import { isEmptyDelta, type FindingDelta } from "../core/finding-delta";
import type { GridSheet, GridWorkbook } from "../core/grid";
import { rangeToA1 } from "../core/address";
import { coalesce, type CoalescedChanges } from "./change-queue";
import { FormulaWatch } from "./formula-watch";
import type { HostChange, RangeRequest, Unsubscribe, WorkbookHost } from "../host/host";

/**
 * What LiveChecker needs of a session; CheckSession satisfies it, tests inject a fake checker, and the pane's check
 * worker answers with promises (the check runs off the UI thread).
 */
export interface CheckSessionLike {
  result(): CheckResult;
  update(change: GridChange | readonly GridChange[]): UpdateResult | Promise<UpdateResult>;
  /** Builds what edits of a sheet need ahead of the first edit (optional; update builds it otherwise). */
  prepareForEdits?(sheet: string): void;
}

export type SessionFactory = (workbook: GridWorkbook) => CheckSessionLike | Promise<CheckSessionLike>;

export const coreSession: SessionFactory = (workbook) => new CheckSession(workbook);

export interface LiveCheckerOptions {
  createSession?: SessionFactory;
  /** Quiet time after the last edit before re-checking; typing a number is several events. */
  debounceMs?: number;
  /** Re-check at the latest this long after the first queued edit, even if edits keep coming. */
  maxWaitMs?: number;
}

export interface LiveState {
  status: "idle" | "checking" | "ready" | "error";
  result: CheckResult | null;
  /** "sheet!range" of the tables the last update re-checked. */
  recheckedTables: string[];
  /** Checks run so far: the initial one plus one per session update. */
  checks: number;
  marksShown: boolean;
  error?: string;
}

export type StateListener = (state: LiveState) => void;

/**
 * A host that can hold copies of our marks that are not ours by identity (OfficeHost: a cell pasted with its format)
 * says so, and the next write repairs them even when no finding changed.
 */
export interface MarkRepair {
  marksNeedRepair?(): boolean;
}

export class LiveChecker {
  private session: CheckSessionLike | undefined;
  /** The session's formula cells and their values, to re-read what Excel recalculated (no event names those). */
  private watch: FormulaWatch | undefined;
  private pending: HostChange[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private unsubscribeHost: Unsubscribe | undefined;
  private readonly listeners = new Set<StateListener>();
  private current: LiveState = { status: "idle", result: null, recheckedTables: [], checks: 0, marksShown: true };
  private readonly createSession: SessionFactory;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private firstPendingAt = 0;
  /** The findings the host's marks were last written from: an edit's delta applies to them only. */
  private written: readonly Finding[] | null = null;

  constructor(
    private readonly host: WorkbookHost,
    options: LiveCheckerOptions = {},
  ) {
    this.createSession = options.createSession ?? coreSession;
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
  }

  get state(): LiveState {
    return this.current;
  }

  get findings(): readonly Finding[] {
    return this.current.result?.findings ?? [];
  }

  /** Called at once with the current state, then on every change. */
  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Read, check, mark (the host's first write also removes stale marks of an earlier session), then listen. */
  async start(): Promise<CheckResult> {
    this.unsubscribeHost ??= await this.host.onChange((c) => this.enqueue(c));
    return this.recheckAll();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    await this.running;
    await this.unsubscribeHost?.();
    this.unsubscribeHost = undefined;
  }

  /** Full re-read and re-check ("check again" in the pane). */
  recheckAll(): Promise<CheckResult> {
    return this.serialized(async () => {
      this.pending = [];
      const workbook = await this.host.readWorkbook();
      this.watch = new FormulaWatch(workbook);
      this.session = await this.createSession(workbook);
      const result = this.session.result();
      await this.remark(result);
      this.set({
        status: "ready",
        result,
        recheckedTables: result.tables.map((t) => `${t.sheet}!${t.range}`),
        checks: this.current.checks + 1,
        error: undefined,
      });
      this.prepareForEdits(this.session, workbook.sheets.map((s) => s.name));
      return result;
    });
  }

  /**
   * After the findings are shown, not before, and one sheet per task: on a large workbook the edit index takes a
   * moment to build, and the pane stays responsive between sheets. An edit that comes first builds what it needs.
   */
  private prepareForEdits(session: CheckSessionLike, sheets: readonly string[]): void {
    if (!session.prepareForEdits) return;
    const step = (k: number) => {
      if (this.session !== session || k >= sheets.length) return;
      session.prepareForEdits!(sheets[k]);
      setTimeout(() => step(k + 1), 0);
    };
    setTimeout(() => step(0), 0);
  }

  /** Process queued edits now instead of after the debounce (tests; the pane's "check now"). */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    return this.serialized(() => this.processPending());
  }

  async clearMarks(): Promise<void> {
    await this.serialized(async () => {
      this.written = null;
      await this.host.clearHighlights();
      this.set({ marksShown: false });
    });
  }

  async showMarks(): Promise<void> {
    await this.serialized(async () => {
      this.written = null;
      await this.host.writeHighlights(this.findings);
      this.written = this.findings;
      this.set({ marksShown: true });
    });
  }

  selectFinding(finding: Finding): Promise<void> {
    return this.host.selectCells(finding.cells);
  }

  private enqueue(change: HostChange): void {
    const now = Date.now();
    if (this.pending.length === 0) this.firstPendingAt = now;
    this.pending.push(change);
    if (this.timer !== undefined) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.serialized(() => this.processPending()).catch(() => undefined);
    }, wait);
  }

  private async processPending(): Promise<void> {
    const session = this.session;
    if (!session || this.pending.length === 0) return;
    const burst = coalesce(this.pending);
    this.pending = [];
    this.set({ status: "checking" });
    const changes: GridChange[] = [...burst.renamesAndDeletes.map(toGridChange)];
    // Whole sheets in one read; the edited areas and the session's formula cells (Excel recalculated them, and no
    // event says so) in another (each as few round trips as the host allows).
    const sheets = burst.sheets.length > 0 ? await this.host.readSheets(burst.sheets) : [];
    for (const sheet of sheets) changes.push({ kind: "sheet", sheet });
    changes.push(...(await this.readEditedAndRecalculated(session, burst, sheets)));

    if (changes.length === 0) return this.set({ status: "ready" });
    // One re-check per burst, however many sheets and blocks it touched.
    const last: UpdateResult = await session.update(changes);
    await this.remark(last.result, last.delta);
    this.set({
      status: "ready",
      result: last.result,
      recheckedTables: last.recheckedTables,
      checks: this.current.checks + 1,
    });
  }

  /**
   * The edited areas as read, then the formula cells of the recognised tables whose value moved (read in the same
   * request: the sync count does not grow with the number of formulas).
   */
  private async readEditedAndRecalculated(
    session: CheckSessionLike,
    burst: CoalescedChanges,
    sheets: readonly GridSheet[],
  ): Promise<GridChange[]> {
    const watch = (this.watch ??= new FormulaWatch({ sheets: [] }));
    const renamedTo = new Map<string, string>();
    for (const c of burst.renamesAndDeletes) {
      if (c.kind === "sheet-deleted") watch.deleted(c.sheet);
      else {
        watch.renamed(c.from, c.to);
        for (const [old, now] of renamedTo) if (now === c.from) renamedTo.set(old, c.to);
        renamedTo.set(c.from, c.to);
      }
    }
    for (const s of sheets) watch.noteSheet(s);
    const tables = session.result().tables.map((t) => ({ ...t, sheet: renamedTo.get(t.sheet) ?? t.sheet }));
    const key = (r: RangeRequest) => `${r.sheet}!${rangeToA1(r.range)}`;
    const edited = new Set(burst.regions.map(key));
    const formulaAreas = watch.regions(tables, new Set(burst.sheets), burst.regions).filter((r) => !edited.has(key(r)));
    const requests = [...burst.regions, ...formulaAreas];
    const blocks = requests.length > 0 ? await this.host.readRanges(requests) : [];
    const changes: GridChange[] = [];
    for (const b of blocks) {
      if (!edited.has(key(b))) continue;
      watch.noteBlock(b);
      changes.push({ kind: "cells", sheet: b.sheet, range: b.range, values: b.values, formulas: b.formulas, numberFormats: b.numberFormats });
    }
    for (const b of blocks) if (!edited.has(key(b))) changes.push(...watch.recalculated(b));
    return changes;
  }

  /**
   * The session's delta goes to the host as it is, when the marks were written from the result it starts from; no
   * write at all when nothing changed. Without one (a first check, marks shown again) the host plans them anew.
   */
  private async remark(after: CheckResult, delta?: FindingDelta): Promise<void> {
    if (!this.current.marksShown) return;
    const repair = (this.host as WorkbookHost & MarkRepair).marksNeedRepair?.() ?? false;
    const basis = delta && this.written !== null && this.written === this.current.result?.findings ? delta : undefined;
    if (basis && isEmptyDelta(basis) && !repair) {
      this.written = after.findings;
      return;
    }
    this.written = null;
    await this.host.writeHighlights(after.findings, basis);
    this.written = after.findings;
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.running.then(task);
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    return run.catch((e: unknown) => {
      this.set({ status: "error", error: e instanceof Error ? e.message : String(e) });
      throw e;
    });
  }

  private set(patch: Partial<LiveState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }
}

function toGridChange(c: Extract<HostChange, { kind: "sheet-deleted" | "sheet-renamed" }>): GridChange {
  return c.kind === "sheet-deleted"
    ? { kind: "sheet-deleted", name: c.sheet }
    : { kind: "sheet-renamed", from: c.from, to: c.to };
}
