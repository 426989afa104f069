/**
 * The add-in's marks in Excel: a custom conditional format (formula MARK_CF_FORMULA, a fill) on exactly the flagged
 * cells, plus a note (or comment) starting with MARK_PREFIX. Conditional formats sit on top of the user's formatting
 * instead of replacing it, so removing ours restores every cell exactly, by construction.
 *
 * What we added is kept in a registry (conditional format ids, annotated cells). The registry is trusted only while
 * it matches the workbook: at the start of a session (marks from a previous session may be there) and after rows or
 * sheets moved, a scan finds our marks by their signature and deletes them before writing. Steady state: one sync.
 */
import type { Finding } from "../core/finding";
import type { Capabilities } from "./capabilities";
import {
  MARK_CF_FORMULA,
  MARK_FILL,
  MARK_PREFIX,
  cellKey,
  diffPlans,
  emptyPlan,
  planMarks,
  qualify,
  type CellMark,
  type MarkPlan,
  type PlanDiff,
} from "../core/report/mark-plan";
import type { ProbeExtra } from "./office-read";
import { DEFAULT_TARGET_BYTES } from "./read-plan";

/** What the workbook read saw of marks and annotations, sheet by sheet (see MarkWriter.prescan). */
export interface Prescan {
  /** Sheets scanned, with the count of the user's own notes on each. */
  userNotes: Map<string, number>;
  /** Marks of ours found (conditional formats, notes, comments): any means an earlier session left marks. */
  ours: number;
  /** The user's comments anywhere (comment hosts: their cells are only known after another sync). */
  userComments: number;
}

/**
 * Estimated request bytes, on the high side: each Office.js action travels with the object paths it needs
 * (~80–100 bytes each). Deleting by id: sheet, range, collection, item paths + a delete action. Adding a format:
 * range, collection, add, custom, rule, format, fill paths + three actions and a load.
 */
const DELETE_BYTES = 400;
const CF_ADD_BYTES = 1000;
const NOTE_ADD_BYTES = 300;

export class MarkWriter {
  private plan: MarkPlan = emptyPlan();
  private cfIds = new Map<string, string>();
  private commentIds = new Map<string, string>();
  /** Cells where we hold a note/comment (notes are per cell; a cell with the user's own note is skipped). */
  private annotated = new Set<string>();
  private userAnnotated = new Set<string>();
  private trusted = false;
  /** What the last workbook read saw (taken by the next write or clear; dropped when structure changes). */
  private seen: Prescan | undefined;

  constructor(
    private readonly caps: Capabilities,
    private readonly targetBytes = DEFAULT_TARGET_BYTES,
  ) {}

  /** Rows moved, sheets renamed or deleted: our recorded addresses may now point at other cells. */
  distrust(): void {
    this.trusted = false;
    this.seen = undefined;
  }

  /**
   * Loads for the workbook read's own sync: each sheet's conditional formats and notes (and the workbook's comments),
   * so that the first write of a session, on a workbook without marks of an earlier session, needs no scan of its
   * own. undefined when the registry is trusted (nothing to learn). Call `accept` once the read has succeeded.
   */
  prescan(): { extra: ProbeExtra; accept: () => void } | undefined {
    if (this.trusted) return undefined;
    const found: Prescan = { userNotes: new Map(), ours: 0, userComments: 0 };
    const extra: ProbeExtra = {
      sheet: (ws) => {
        const { cfs, notes } = this.loadSheetMarks(ws);
        return (name) => {
          for (const cf of cfs.items) if (isOurCf(cf)) found.ours++;
          let user = 0;
          for (const n of notes?.items ?? []) {
            if (isOurs(n.content)) found.ours++;
            else user++;
          }
          found.userNotes.set(name, user);
        };
      },
      workbook: (ctx) => {
        if (this.caps.annotations !== "comments") return () => undefined;
        const comments = ctx.workbook.comments;
        comments.load("items/content");
        return () => {
          for (const c of comments.items) {
            if (isOurs(c.content)) found.ours++;
            else found.userComments++;
          }
        };
      },
    };
    return { extra, accept: () => (this.seen = found) };
  }

  /** Queue the loads that tell our marks from the user's on one sheet: its conditional formats and its notes. */
  private loadSheetMarks(ws: Excel.Worksheet): { cfs: Excel.ConditionalFormatCollection; notes?: Excel.NoteCollection } {
    const cfs = ws.getRange().conditionalFormats;
    cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
    if (this.caps.annotations !== "notes") return { cfs };
    const notes = ws.notes;
    notes.load("items/content");
    return { cfs, notes };
  }

  /** The read found no marks of ours and no user annotation where we are about to annotate: no scan needed. */
  private canSkipScan(seen: Prescan | undefined, sheetNames: readonly string[], annotate: readonly CellMark[]): boolean {
    if (!seen || seen.ours > 0) return false;
    if (!sheetNames.every((n) => seen.userNotes.has(n))) return false;
    if (this.caps.annotations === "comments") return annotate.length === 0 || seen.userComments === 0;
    if (this.caps.annotations === "notes") return annotate.every((m) => seen.userNotes.get(m.sheet) === 0);
    return true;
  }

  private forgetRegistry(): void {
    this.userAnnotated.clear();
    this.plan = emptyPlan();
    this.cfIds.clear();
    this.commentIds.clear();
    this.annotated.clear();
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  async write(ctx: Excel.RequestContext, sheetNames: readonly string[], findings: readonly Finding[]): Promise<void> {
    const next = planMarks(findings, this.caps.rangeAreas);
    const toAnnotate = [...next.cells.values()].filter((m) => m.note !== "");
    const seen = this.seen;
    this.seen = undefined;
    // A scan is needed at the start of a session, unless the read just saw a workbook with nothing of ours in it.
    const skipScan = !this.trusted && this.canSkipScan(seen, sheetNames, toAnnotate);
    const scanned = !this.trusted && !skipScan;
    if (skipScan) this.forgetRegistry();
    if (scanned) await this.scan(ctx, sheetNames, toAnnotate);
    try {
      await this.apply(ctx, diffPlans(this.plan, next), scanned);
    } catch (e) {
      // Writes without a scan trust what they know; if the user deleted our rule or put a note where we wanted one
      // meanwhile, the batch fails: rescan (which deletes whatever of ours exists) and write everything once more.
      if (scanned) throw e;
      this.trusted = false;
      await this.scan(ctx, sheetNames, toAnnotate);
      await this.apply(ctx, diffPlans(this.plan, next), true);
    }
    this.plan = next;
    this.trusted = true;
  }

  async clear(ctx: Excel.RequestContext, sheetNames: readonly string[]): Promise<void> {
    const seen = this.seen;
    this.seen = undefined;
    if (this.trusted) await this.apply(ctx, diffPlans(this.plan, emptyPlan()), false);
    else if (this.canSkipScan(seen, sheetNames, [])) this.forgetRegistry(); // nothing of ours anywhere
    else {
      await this.scan(ctx, sheetNames, []);
      await ctx.sync();
    }
    this.plan = emptyPlan();
    this.trusted = true;
  }

  /**
   * Queue deletion of every mark of ours found in the workbook (by signature, not by registry) and learn which of
   * the cells we are about to annotate already carry the user's own note: one sync (plus one to locate the user's
   * comments, on hosts that fall back to comments and only if there are any). The deletions run with the caller's
   * next sync, together with the new marks.
   */
  private async scan(
    ctx: Excel.RequestContext,
    sheetNames: readonly string[],
    toAnnotate: readonly CellMark[],
  ): Promise<void> {
    const perSheet = sheetNames.map((name) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      return { ws, ...this.loadSheetMarks(ws) };
    });
    const existing =
      this.caps.annotations === "notes"
        ? toAnnotate.map((m) => {
            const note = ctx.workbook.worksheets.getItemOrNullObject(m.sheet).notes.getItemOrNullObject(m.address);
            note.load("content");
            return { key: cellKey(m.sheet, m.address), note };
          })
        : [];
    let comments: Excel.CommentCollection | undefined;
    if (this.caps.annotations === "comments") {
      comments = ctx.workbook.comments;
      comments.load("items/id,items/content");
    }
    await ctx.sync();

    this.forgetRegistry();
    for (const { ws, cfs, notes } of perSheet) {
      if (ws.isNullObject) continue;
      for (const cf of cfs.items) {
        if (isOurCf(cf)) cf.delete();
      }
      for (const note of notes?.items ?? []) if (isOurs(note.content)) note.delete();
    }
    for (const { key, note } of existing) if (!note.isNullObject && !isOurs(note.content)) this.userAnnotated.add(key);
    const userComments: Excel.Range[] = [];
    for (const c of comments?.items ?? []) {
      if (isOurs(c.content)) c.delete();
      else userComments.push(loadAddress(c.getLocation()));
    }
    if (userComments.length > 0) {
      await ctx.sync();
      for (const r of userComments) this.userAnnotated.add(fullAddressKey(r.address));
    }
  }

  /** Queue the diff and sync: once, unless the estimated request exceeds the payload target. */
  private async apply(ctx: Excel.RequestContext, diff: PlanDiff, queuedDeletes: boolean): Promise<void> {
    // One worksheet proxy per sheet per batch: its object path is sent once, not once per mark.
    const sheets = new Map<string, Excel.Worksheet>();
    const sheet = (name: string) => {
      let ws = sheets.get(name);
      if (!ws) sheets.set(name, (ws = ctx.workbook.worksheets.getItemOrNullObject(name)));
      return ws;
    };
    const ops: ((pending: PendingIds) => void)[] = [];
    const sizes: number[] = [];
    const push = (bytes: number, op: (pending: PendingIds) => void) => {
      ops.push(op);
      sizes.push(bytes);
    };

    for (const g of diff.removeGroups) {
      const id = this.cfIds.get(g.key);
      this.cfIds.delete(g.key);
      if (id !== undefined)
        push(DELETE_BYTES, () => {
          const cfs = sheet(g.sheet).getRange().conditionalFormats;
          (this.caps.itemOrNullObject ? cfs.getItemOrNullObject(id) : cfs.getItem(id)).delete();
        });
    }
    for (const m of diff.removeNotes) {
      const key = cellKey(m.sheet, m.address);
      if (!this.annotated.delete(key)) continue;
      if (this.caps.annotations === "notes")
        push(DELETE_BYTES, () => sheet(m.sheet).notes.getItemOrNullObject(m.address).delete());
      else {
        const id = this.commentIds.get(key);
        this.commentIds.delete(key);
        if (id !== undefined)
          push(DELETE_BYTES, () => {
            const comments = ctx.workbook.comments;
            (this.caps.itemOrNullObject ? comments.getItemOrNullObject(id) : comments.getItem(id)).delete();
          });
      }
    }
    for (const g of diff.addGroups) {
      push(CF_ADD_BYTES + g.address.length, (pending) => {
        const ws = sheet(g.sheet);
        const target = g.address.includes(",") ? ws.getRanges(g.address) : ws.getRange(g.address);
        const cf = target.conditionalFormats.add("Custom");
        cf.custom.rule.formula = MARK_CF_FORMULA;
        cf.custom.format.fill.color = MARK_FILL[g.severity];
        cf.load("id");
        pending.cfs.push([g.key, cf]);
      });
    }
    if (this.caps.annotations !== "pane") {
      for (const m of diff.addNotes) {
        const key = cellKey(m.sheet, m.address);
        if (this.userAnnotated.has(key)) continue; // never stack on the user's own note
        this.annotated.add(key);
        const bytes = NOTE_ADD_BYTES + 3 * m.note.length; // UTF-8: three bytes per CJK character
        if (this.caps.annotations === "notes") push(bytes, () => sheet(m.sheet).notes.add(m.address, m.note));
        else
          push(bytes, (pending) => {
            const c = ctx.workbook.comments.add(qualify(m.sheet, m.address), m.note);
            c.load("id");
            pending.comments.push([key, c]);
          });
      }
    }

    if (ops.length === 0 && !queuedDeletes) return;
    // Flush in batches under the payload target: one batch (one sync) for anything short of many thousand notes.
    let i = 0;
    do {
      const pending: PendingIds = { cfs: [], comments: [] };
      let bytes = 0;
      // Our writes are formats and notes; keep them from waking our own (or other add-ins') change handlers.
      if (this.caps.eventToggle) ctx.runtime.enableEvents = false;
      while (i < ops.length && (bytes === 0 || bytes + sizes[i] <= this.targetBytes)) {
        ops[i](pending);
        bytes += sizes[i];
        i++;
      }
      if (this.caps.eventToggle) ctx.runtime.enableEvents = true;
      try {
        await ctx.sync();
      } catch (e) {
        // A failed batch may have run its first operation (events off) but not its last: turn events back on.
        if (this.caps.eventToggle) {
          ctx.runtime.enableEvents = true;
          await ctx.sync().catch(() => undefined);
        }
        throw e;
      }
      for (const [key, cf] of pending.cfs) this.cfIds.set(key, cf.id);
      for (const [key, c] of pending.comments) this.commentIds.set(key, c.id);
    } while (i < ops.length);
  }
}

interface PendingIds {
  cfs: [string, Excel.ConditionalFormat][];
  comments: [string, Excel.Comment][];
}

function isOurCf(cf: Excel.ConditionalFormat): boolean {
  const custom = cf.customOrNullObject;
  return cf.type === "Custom" && !custom.isNullObject && custom.rule.formula === MARK_CF_FORMULA;
}

function isOurs(content: unknown): boolean {
  return typeof content === "string" && content.startsWith(MARK_PREFIX);
}

function loadAddress(r: Excel.Range): Excel.Range {
  r.load("address");
  return r;
}

/** "'Sheet 1'!B3" or "Sheet1!B3" → the registry key "Sheet 1!B3". */
export function fullAddressKey(address: string): string {
  const bang = address.lastIndexOf("!");
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return cellKey(sheet, address.slice(bang + 1).replace(/\$/g, ""));
}
