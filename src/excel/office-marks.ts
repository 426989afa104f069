/**
 * The add-in's marks in Excel: a custom conditional format (formula MARK_CF_FORMULA, a fill) on exactly the flagged
 * cells, plus a note (or comment) starting with MARK_PREFIX. Conditional formats sit on top of the user's formatting
 * instead of replacing it, so removing ours restores every cell exactly, by construction.
 *
 * Ownership is by identity (issue 16): a registry (mark-registry.ts, kept in the workbook's settings, shared by the
 * pane, the ribbon and later sessions) records each format's id and each note's exact text, cell and sheet id. Only
 * that is removed: a note whose text is no longer exactly ours is the user's (left alone, our text taken out of it if
 * still there); a note copied elsewhere is not in the registry at that cell and stays. Conditional formats are also
 * found by their signature formula, so a mark copied by paste goes too. Our writes never switch events off: the
 * user's edits during a write reach the live checker; our own mark writes are formats and notes.
 *
 * The registry is trusted only while its addresses match the workbook: at the start of a session and after rows or
 * sheets moved, a scan finds our formats by signature and our notes by their registered text before writing. Clearing
 * always scans every sheet (renamed, copied and pasted marks included); each sheet is written in isolation when a
 * batch fails, so one deleted, renamed or protected sheet never blocks the others. Steady state: one sync per write.
 */
import { splitSheetAddress } from "../core/address";
import type { Finding } from "../core/finding";
import type { FindingDelta } from "../core/finding-delta";
import type { Capabilities } from "./capabilities";
import {
  CLEARED_COMMENT,
  dispose,
  emptyRegistry,
  fromStored,
  memoryMarkStore,
  newRev,
  registryPlan,
  toStored,
  type Disposal,
  type MarkRegistry,
  type MarkStore,
  type OwnedNote,
} from "./mark-registry";
import {
  MARK_CF_FORMULA,
  MARK_FILL,
  MARK_PREFIX,
  cellKey,
  diffPlans,
  emptyPlan,
  MarkPlanner,
  qualify,
  type CellMark,
  type MarkPlan,
} from "../core/report/mark-plan";
import type { ProbeExtra } from "./office-read";
import { DEFAULT_TARGET_BYTES } from "./read-plan";

/** A sheet as the writer addresses it: by id (survives renames), named for new marks and reports. */
export interface SheetRef {
  id: string;
  name: string;
}

/** What the workbook read saw of marks and annotations, sheet by sheet (see MarkWriter.prescan). */
export interface Prescan {
  /** Sheets scanned, with the count of the user's own notes on each. */
  userNotes: Map<string, number>;
  /** Marks that look like ours (signature formats, prefixed notes and comments): any means a scan is needed. */
  ours: number;
  /** The user's comments anywhere (comment hosts: their cells are only known after another sync). */
  userComments: number;
}

/** Current state of a registered note or comment: its content (null = gone) and, for comments, its replies. */
interface Found {
  text: string;
  content: string | null;
  replies: number;
}

/**
 * Estimated request bytes, on the high side: each Office.js action travels with the object paths it needs
 * (~80–100 bytes each). Deleting by id: sheet, range, collection, item paths + a delete action. Adding a format:
 * range, collection, add, custom, rule, format, fill paths + three actions and a load.
 */
const DELETE_BYTES = 400;
const CF_ADD_BYTES = 1000;
const NOTE_ADD_BYTES = 300;
/** Registered notes checked in an edit's re-read (their sheets only); beyond that the write checks them itself. */
const VERIFY_LIMIT = 200;

/** One queued change: `queue` adds it to the batch, `commit` records it once its batch synced. */
interface Op {
  sheet: string;
  bytes: number;
  queue(): void;
  commit(): void;
  done?: boolean;
}

export class MarkWriter {
  private reg: MarkRegistry = emptyRegistry();
  /** Nothing was ever stored: marks of versions before the registry are recognised by their prefix. */
  private legacy = true;
  /** Cells we wanted to annotate that carry the user's own note: never stacked on. */
  private userAnnotated = new Set<string>();
  private trusted = false;
  /** What the last workbook read saw (taken by the next write or clear; dropped when structure changes). */
  private seen: Prescan | undefined;
  /** Registered notes checked by the last re-read (taken by the next write). */
  private verified = new Map<string, Found>();
  /** Copies of our format (signature, not our id) the last re-read saw, e.g. pasted with a cell: the next write removes them. */
  private strays: { sheet: string; id: string }[] = [];
  private failed: string[] = [];
  /** The plan of the findings last written, kept up to date by each edit's delta. */
  private readonly planner: MarkPlanner;

  constructor(
    private readonly caps: Capabilities,
    private readonly store: MarkStore = memoryMarkStore(),
    private readonly targetBytes = DEFAULT_TARGET_BYTES,
  ) {
    this.planner = new MarkPlanner(caps.rangeAreas);
  }

  /** Rows moved, sheets renamed or deleted: our recorded addresses may now point at other cells. */
  distrust(): void {
    this.trusted = false;
    this.seen = undefined;
    this.verified.clear();
    this.strays = []; // the rescan finds them by signature
  }

  /** A sheet was deleted: its marks went with it. */
  sheetGone(id: string, name: string | undefined): void {
    for (const [k, c] of this.reg.cfs) if (c.sheetId === id || c.group.sheet === name) this.reg.cfs.delete(k);
    for (const [k, n] of this.reg.notes) if (n.sheetId === id || n.sheet === name) this.reg.notes.delete(k);
  }

  /** A re-read saw a copy of our format that is not ours by id (pasted): the next write removes it. */
  get hasStrays(): boolean {
    return this.strays.length > 0;
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  /** Sheets whose marks the last write or clear could not change (protected, gone); retried by the next one. */
  get failedSheets(): readonly string[] {
    return this.failed;
  }

  /**
   * Loads for the workbook read's own sync: each sheet's conditional formats and notes (and the workbook's comments),
   * so that the first write of a session, on a workbook without marks, needs no scan of its own. undefined when the
   * registry is trusted (nothing to learn). Call `accept` once the read has succeeded.
   */
  prescan(): { extra: ProbeExtra; accept: () => void } | undefined {
    if (this.trusted) return undefined;
    const found: Prescan = { userNotes: new Map(), ours: 0, userComments: 0 };
    const extra: ProbeExtra = {
      sheet: (ws) => {
        const { cfs, notes } = this.loadSheetMarks(ws, this.caps.annotations === "notes");
        return (name) => {
          for (const cf of cfs.items) if (isOurCf(cf)) found.ours++;
          let user = 0;
          for (const n of notes?.items ?? []) {
            if (hasPrefix(n.content)) found.ours++;
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
            if (hasPrefix(c.content)) found.ours++;
            else found.userComments++;
          }
        };
      },
    };
    return { extra, accept: () => (this.seen = found) };
  }

  /**
   * Loads for an edit's re-read (its own sync): the current content of our registered notes on the re-read sheets,
   * so that the write after it can remove them safely without a round trip of its own. Call the result once the
   * read has succeeded.
   */
  queueVerify(ctx: Excel.RequestContext, regions: readonly { sheet: string; address: string }[]): () => void {
    if (!this.trusted) return () => undefined;
    // A pasted cell brings a copy of our format with it (a new rule, a new id): look at the formats on what is re-read.
    const areas = regions.map((r) => {
      const cfs = ctx.workbook.worksheets.getItemOrNullObject(r.sheet).getRange(r.address).conditionalFormats;
      cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
      return { sheet: r.sheet, cfs };
    });
    const probes: [string, () => Found | (() => Found)][] = [];
    const checkNotes = this.caps.annotations === "notes" || (this.caps.annotations === "comments" && this.caps.itemOrNullObject);
    const want = new Set(regions.map((r) => r.sheet));
    for (const [key, n] of checkNotes ? this.reg.notes : []) {
      if (!want.has(n.sheet) || probes.length >= VERIFY_LIMIT) continue;
      probes.push([key, this.probe(ctx, n, n.sheet)]);
    }
    return () => {
      for (const [key, read] of probes) {
        const found = read();
        if (typeof found !== "function") this.verified.set(key, found);
      }
      const ids = new Set([...this.reg.cfs.values()].map((c) => c.id));
      for (const { sheet, cfs } of areas)
        for (const cf of cfs.items)
          if (isOurCf(cf) && !ids.has(cf.id) && !this.strays.some((x) => x.id === cf.id)) this.strays.push({ sheet, id: cf.id });
    };
  }

  /** Queue the loads that tell our marks from the user's on one sheet: its conditional formats (and notes). */
  private loadSheetMarks(
    ws: Excel.Worksheet,
    withNotes: boolean,
  ): { cfs: Excel.ConditionalFormatCollection; notes?: Excel.NoteCollection } {
    const cfs = ws.getRange().conditionalFormats;
    cfs.load("items/id,items/type,items/customOrNullObject/rule/formula");
    if (!withNotes) return { cfs };
    const notes = ws.notes;
    notes.load("items/content");
    return { cfs, notes };
  }

  /**
   * Queue a load of one registered note's (or comment's) current state; `sheet` = the id or name to reach it by.
   * Below ExcelApi 1.14 a comment is looked up in the loaded collection and its replies need one more sync: then
   * the reader returns a second reader (see `settle`).
   */
  private probe(ctx: Excel.RequestContext, n: OwnedNote, sheet: string, shared: Shared = {}): () => Found | (() => Found) {
    const commentId = n.commentId;
    if (commentId !== undefined && !this.caps.itemOrNullObject) {
      if (!shared.comments) {
        shared.comments = ctx.workbook.comments;
        shared.comments.load("items/id,items/content");
      }
      const all = shared.comments;
      return () => {
        const item = all.items.find((c) => c.id === commentId);
        if (!item) return { text: n.text, content: null, replies: 0 };
        const replies = item.replies;
        replies.load("items/id");
        return () => ({ text: n.text, content: item.content, replies: replies.items.length });
      };
    }
    if (commentId !== undefined) {
      const c = ctx.workbook.comments.getItemOrNullObject(commentId);
      c.load("content");
      const replies = c.replies;
      replies.load("items/id");
      return () =>
        c.isNullObject ? { text: n.text, content: null, replies: 0 } : { text: n.text, content: c.content, replies: replies.items.length };
    }
    const note = ctx.workbook.worksheets.getItemOrNullObject(sheet).notes.getItemOrNullObject(n.address);
    note.load("content");
    return () => ({ text: n.text, content: note.isNullObject ? null : note.content, replies: 0 });
  }

  /** The read found no marks of ours and no user annotation where we are about to annotate: no scan needed. */
  private canSkipScan(seen: Prescan | undefined, sheets: readonly SheetRef[], annotate: readonly CellMark[]): boolean {
    if (!seen || seen.ours > 0 || this.reg.cfs.size > 0 || this.reg.notes.size > 0) return false;
    if (!sheets.every((s) => seen.userNotes.has(s.name))) return false;
    if (this.caps.annotations === "comments") return annotate.length === 0 || seen.userComments === 0;
    if (this.caps.annotations === "notes") return annotate.every((m) => seen.userNotes.get(m.sheet) === 0);
    return true;
  }

  /** Another session (the ribbon, the pane, an earlier one) may have written since: take its registry. */
  private async refresh(): Promise<void> {
    let stored: MarkRegistry | undefined;
    try {
      stored = fromStored(await this.store.load());
    } catch {
      return; // settings unreadable: keep what this session knows
    }
    if (stored === undefined) return;
    this.legacy = false;
    if (stored.rev !== this.reg.rev) {
      this.reg = stored;
      this.verified.clear();
    }
  }

  private async persist(): Promise<void> {
    this.reg.rev = newRev();
    try {
      await this.store.save(toStored(this.reg));
      this.legacy = false;
    } catch {
      // Settings not saved (read-only document): this session still knows its marks; the signature scan finds the rest.
    }
  }

  async write(ctx: Excel.RequestContext, sheets: readonly SheetRef[], findings: readonly Finding[], delta?: FindingDelta): Promise<void> {
    await this.refresh();
    const next = this.planner.update(findings, delta);
    const toAnnotate = [...next.cells.values()].filter((m) => m.note !== "");
    const seen = this.seen;
    this.seen = undefined;
    const verified = this.verified;
    this.verified = new Map();
    const skipScan = !this.trusted && this.canSkipScan(seen, sheets, toAnnotate);
    if (skipScan) this.userAnnotated.clear();
    if (this.trusted || skipScan) {
      const ops = await this.diffOps(ctx, sheets, next, verified).catch(() => undefined);
      if (ops) {
        if (ops.length === 0) {
          this.trusted = true;
          return;
        }
        try {
          await this.runOps(ctx, ops);
          this.trusted = true;
          this.failed = [];
          return this.persist();
        } catch {
          // Writes without a scan trust what they know; if the user deleted our rule or put a note where we wanted
          // one meanwhile, the batch fails: rescan (which removes whatever of ours exists) and write everything again.
        }
      }
      await this.persist(); // what did run is recorded before the rescan reads the registry
    }
    this.trusted = false;
    const ops = await this.scanOps(ctx, sheets, toAnnotate);
    // The scan removes every mark of ours: write the whole plan anew.
    ops.push(...this.addOps(ctx, sheets, diffPlans(emptyPlan(), next), new Set()));
    await this.runIsolated(ctx, ops);
    this.trusted = this.failed.length === 0;
    await this.persist();
  }

  async clear(ctx: Excel.RequestContext, sheets: readonly SheetRef[]): Promise<void> {
    await this.refresh();
    const seen = this.seen;
    this.seen = undefined;
    this.verified.clear();
    if (this.canSkipScan(seen, sheets, [])) {
      this.trusted = true; // nothing of ours anywhere
      return;
    }
    // Every sheet, as it is now: live checking may be off (renames, deletions, copied sheets unseen).
    const all = await enumerateSheets(ctx);
    const ops = await this.scanOps(ctx, all, []);
    await this.runIsolated(ctx, ops);
    this.trusted = this.failed.length === 0;
    this.userAnnotated.clear();
    await this.persist();
  }

  /** The trusted path: the diff between the registry and the next plan; checks registered notes before removing. */
  private async diffOps(
    ctx: Excel.RequestContext,
    sheets: readonly SheetRef[],
    next: MarkPlan,
    verified: Map<string, Found>,
  ): Promise<Op[]> {
    const diff = diffPlans(registryPlan(this.reg), next);
    const states = new Map<string, Found>();
    const unknown: [string, OwnedNote][] = [];
    for (const m of diff.removeNotes) {
      const key = cellKey(m.sheet, m.address);
      const owned = this.reg.notes.get(key);
      if (!owned) continue;
      const v = verified.get(key);
      if (v && v.text === owned.text) states.set(key, v);
      else unknown.push([key, owned]);
    }
    if (unknown.length > 0) {
      // Not seen by a re-read (another sheet, another session's marks): look before removing. One more sync.
      const shared: Shared = {};
      const reads = unknown.map(([, n]) => this.probe(ctx, n, n.sheetId, shared));
      await ctx.sync();
      const found = await settle(ctx, reads);
      unknown.forEach(([key], i) => states.set(key, found[i]));
    }
    const ops: Op[] = [];
    const strays = this.strays;
    this.strays = [];
    for (const x of strays)
      ops.push({
        sheet: x.sheet,
        bytes: DELETE_BYTES,
        queue: () => {
          const cfs = ctx.workbook.worksheets.getItemOrNullObject(x.sheet).getRange().conditionalFormats;
          (this.caps.itemOrNullObject ? cfs.getItemOrNullObject(x.id) : cfs.getItem(x.id)).delete();
        },
        commit: () => undefined,
      });
    for (const g of diff.removeGroups) {
      const owned = this.reg.cfs.get(g.key);
      if (!owned) continue;
      ops.push({
        sheet: g.sheet,
        bytes: DELETE_BYTES,
        queue: () => {
          const cfs = ctx.workbook.worksheets.getItemOrNullObject(owned.sheetId).getRange().conditionalFormats;
          (this.caps.itemOrNullObject ? cfs.getItemOrNullObject(owned.id) : cfs.getItem(owned.id)).delete();
        },
        commit: () => this.reg.cfs.delete(g.key),
      });
    }
    const notFree = new Set<string>();
    for (const [key, state] of states) {
      const owned = this.reg.notes.get(key) as OwnedNote;
      const disposal = dispose(owned.text, state.content, state.replies);
      if (disposal.kind !== "delete" && state.content !== null) notFree.add(key);
      ops.push(this.disposeOp(ctx, key, owned, disposal, owned.sheetId));
    }
    for (const key of notFree) this.userAnnotated.add(key);
    ops.push(...this.addOps(ctx, sheets, diff, notFree));
    return ops;
  }

  /** Remove (or rewrite) one registered note or comment by the verdict on its current content. */
  private disposeOp(ctx: Excel.RequestContext, key: string, n: OwnedNote, d: Disposal, sheet: string): Op {
    const commit = () => this.reg.notes.delete(key);
    if (d.kind === "leave") return { sheet: n.sheet, bytes: 0, queue: () => undefined, commit };
    return {
      sheet: n.sheet,
      bytes: DELETE_BYTES + (d.kind === "rewrite" ? 3 * d.content.length : 0),
      queue: () => {
        const item =
          n.commentId !== undefined
            ? this.caps.itemOrNullObject
              ? ctx.workbook.comments.getItemOrNullObject(n.commentId)
              : ctx.workbook.comments.getItem(n.commentId)
            : ctx.workbook.worksheets.getItemOrNullObject(sheet).notes.getItemOrNullObject(n.address);
        if (d.kind === "delete") item.delete();
        else item.content = d.content;
      },
      commit,
    };
  }

  /** New formats and annotations of a diff (removals are the caller's). */
  private addOps(
    ctx: Excel.RequestContext,
    sheets: readonly SheetRef[],
    diff: ReturnType<typeof diffPlans>,
    notFree: ReadonlySet<string>,
  ): Op[] {
    const idOf = (name: string) => sheets.find((s) => s.name === name)?.id ?? name;
    const ops: Op[] = [];
    for (const g of diff.addGroups) {
      let cf: Excel.ConditionalFormat | undefined;
      ops.push({
        sheet: g.sheet,
        bytes: CF_ADD_BYTES + g.address.length,
        queue: () => {
          const ws = ctx.workbook.worksheets.getItem(g.sheet);
          const target = g.address.includes(",") ? ws.getRanges(g.address) : ws.getRange(g.address);
          cf = target.conditionalFormats.add("Custom");
          cf.custom.rule.formula = MARK_CF_FORMULA;
          cf.custom.format.fill.color = MARK_FILL[g.severity];
          cf.load("id");
        },
        commit: () => {
          if (cf) this.reg.cfs.set(g.key, { group: g, id: cf.id, sheetId: idOf(g.sheet) });
        },
      });
    }
    if (this.caps.annotations === "pane") return ops;
    for (const m of diff.addNotes) {
      const key = cellKey(m.sheet, m.address);
      if (this.userAnnotated.has(key) || notFree.has(key)) continue; // never stack on the user's own note
      const owned: OwnedNote = { sheet: m.sheet, sheetId: idOf(m.sheet), address: m.address, severity: m.severity, text: m.note };
      const bytes = NOTE_ADD_BYTES + 3 * m.note.length; // UTF-8: three bytes per CJK character
      if (this.caps.annotations === "notes")
        ops.push({
          sheet: m.sheet,
          bytes,
          queue: () => void ctx.workbook.worksheets.getItem(m.sheet).notes.add(m.address, m.note),
          commit: () => this.reg.notes.set(key, owned),
        });
      else {
        let c: Excel.Comment | undefined;
        ops.push({
          sheet: m.sheet,
          bytes,
          queue: () => {
            c = ctx.workbook.comments.add(qualify(m.sheet, m.address), m.note);
            c.load("id");
          },
          commit: () => c && this.reg.notes.set(key, { ...owned, commentId: c.id }),
        });
      }
    }
    return ops;
  }

  /**
   * Find every mark of ours on `sheets` and return the operations that remove it: formats by signature (pasted
   * copies too), notes and comments by the registry (at their cell, or moved with their rows when exactly one note
   * on the sheet still carries their text), prefixed notes only when nothing was ever registered. Also learns which
   * cells we are about to annotate carry the user's note. One sync, plus one if a sheet was gone or to locate the
   * user's comments. Retried once with the workbook's current sheets if the known ones are stale.
   */
  private async scanOps(ctx: Excel.RequestContext, sheets: readonly SheetRef[], toAnnotate: readonly CellMark[]): Promise<Op[]> {
    try {
      return await this.scanOnce(ctx, sheets, toAnnotate);
    } catch {
      return this.scanOnce(ctx, await enumerateSheets(ctx), toAnnotate);
    }
  }

  private async scanOnce(ctx: Excel.RequestContext, sheets: readonly SheetRef[], toAnnotate: readonly CellMark[]): Promise<Op[]> {
    const notesChannel = this.caps.annotations === "notes";
    const ids = new Set(sheets.map((s) => s.id));
    // A note written to a sheet before any read told us its id is registered under the sheet's name (Excel takes both).
    const names = new Set(sheets.map((s) => s.name));
    const registered = [...this.reg.notes].filter(([, n]) => n.commentId !== undefined || ids.has(n.sheetId) || names.has(n.sheetId));
    const perSheet = sheets.map((ref) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(ref.id);
      const withNotes = notesChannel && (this.legacy || registered.some(([, n]) => n.sheetId === ref.id));
      return { ref, ...this.loadSheetMarks(ws, withNotes) };
    });
    const shared: Shared = {};
    const reads = registered.map(([, n]) => this.probe(ctx, n, n.sheetId, shared));
    const existing = notesChannel
      ? toAnnotate.map((m) => {
          const note = ctx.workbook.worksheets.getItemOrNullObject(m.sheet).notes.getItemOrNullObject(m.address);
          note.load("content");
          return { m, key: cellKey(m.sheet, m.address), note };
        })
      : [];
    let comments: Excel.CommentCollection | undefined;
    if (this.caps.annotations === "comments") {
      comments = ctx.workbook.comments;
      comments.load("items/id,items/content");
    }
    await ctx.sync();
    const found = await settle(ctx, reads);
    const probes = registered.map(([key, n], i) => [key, n, found[i]] as const);

    const ops: Op[] = [];
    const drop = (sheet: string, bytes: number, queue: () => void): void => {
      ops.push({ sheet, bytes, queue, commit: () => undefined });
    };
    for (const { ref, cfs } of perSheet)
      for (const cf of cfs.items)
        if (isOurCf(cf)) {
          const id = cf.id;
          drop(ref.name, DELETE_BYTES, () => {
            const all = ctx.workbook.worksheets.getItemOrNullObject(ref.id).getRange().conditionalFormats;
            (this.caps.itemOrNullObject ? all.getItemOrNullObject(id) : all.getItem(id)).delete();
          });
        }
    // Every registered format was on a scanned sheet (deleted above by signature) or on a sheet that is gone.
    const cfKeys = [...this.reg.cfs.keys()];
    ops.push({ sheet: "", bytes: 0, queue: () => undefined, commit: () => cfKeys.forEach((k) => this.reg.cfs.delete(k)) });

    // Notes: at their registered cell; else, moved with their rows, the one note on the sheet with exactly our text.
    const freed = new Map<string, Set<string>>(); // sheet id → texts of our notes deleted where they moved to
    for (const [key, n, state] of probes) {
      const sheetItems = perSheet.find((p) => p.ref.id === n.sheetId)?.notes?.items;
      if (state.content === null && n.commentId === undefined && sheetItems) {
        const matches = sheetItems.filter((x) => x.content === n.text);
        if (matches.length === 1) {
          const item = matches[0];
          if (!freed.has(n.sheetId)) freed.set(n.sheetId, new Set());
          freed.get(n.sheetId)?.add(n.text);
          ops.push({ sheet: n.sheet, bytes: DELETE_BYTES, queue: () => item.delete(), commit: () => this.reg.notes.delete(key) });
          continue;
        }
      }
      ops.push(this.disposeOp(ctx, key, n, dispose(n.text, state.content, state.replies), n.sheetId));
    }
    for (const key of this.reg.notes.keys())
      if (!registered.some(([k]) => k === key)) ops.push({ sheet: "", bytes: 0, queue: () => undefined, commit: () => this.reg.notes.delete(key) });
    if (this.legacy)
      for (const { ref, notes } of perSheet)
        for (const item of notes?.items ?? [])
          if (hasPrefix(item.content)) {
            if (!freed.has(ref.id)) freed.set(ref.id, new Set());
            freed.get(ref.id)?.add(item.content);
            drop(ref.name, DELETE_BYTES, () => item.delete());
          }

    // Where we are about to annotate: a note that stays (not one of ours being removed) is the user's.
    this.userAnnotated.clear();
    const registeredAt = new Map(probes.map(([key, n]) => [key, n.text]));
    for (const { m, key, note } of existing) {
      if (note.isNullObject) continue;
      const id = sheets.find((s) => s.name === m.sheet)?.id ?? m.sheet;
      const ours = registeredAt.get(key) === note.content || freed.get(id)?.has(note.content);
      const extended = registeredAt.has(key) && dispose(registeredAt.get(key) as string, note.content).kind === "rewrite";
      if (!ours || extended) this.userAnnotated.add(key);
    }
    const userComments: Excel.Range[] = [];
    const legacyComments: [Excel.Comment, Excel.CommentReplyCollection][] = [];
    const ourComments = new Set([...this.reg.notes.values()].map((n) => n.commentId));
    for (const c of comments?.items ?? []) {
      if (ourComments.has(c.id)) continue;
      if (this.legacy && hasPrefix(c.content)) {
        const replies = c.replies;
        replies.load("items/id");
        legacyComments.push([c, replies]);
      } else userComments.push(loadAddress(c.getLocation()));
    }
    if (userComments.length > 0 || legacyComments.length > 0) {
      await ctx.sync();
      for (const r of userComments) this.userAnnotated.add(fullAddressKey(r.address));
      // A comment of an earlier version: deleting it would delete the user's replies in its thread.
      for (const [c, replies] of legacyComments)
        if (replies.items.length === 0) drop("", DELETE_BYTES, () => c.delete());
        else drop("", DELETE_BYTES, () => (c.content = CLEARED_COMMENT));
    }
    return ops;
  }

  /** Queue and sync in batches under the payload target: one batch for anything short of many thousand notes. */
  private async runOps(ctx: Excel.RequestContext, ops: readonly Op[]): Promise<void> {
    const todo = ops.filter((o) => !o.done);
    let i = 0;
    while (i < todo.length) {
      const batch: Op[] = [];
      let bytes = 0;
      while (i < todo.length && (batch.length === 0 || bytes + todo[i].bytes <= this.targetBytes)) {
        todo[i].queue();
        bytes += todo[i].bytes;
        batch.push(todo[i++]);
      }
      if (batch.some((o) => o.bytes > 0)) await ctx.sync();
      for (const o of batch) {
        o.commit();
        o.done = true;
      }
    }
  }

  /** All at once; if that fails, sheet by sheet, so one protected or vanished sheet never blocks the others. */
  private async runIsolated(ctx: Excel.RequestContext, ops: readonly Op[]): Promise<void> {
    this.failed = [];
    try {
      await this.runOps(ctx, ops);
      return;
    } catch {
      // fall through: per sheet
    }
    const bySheet = new Map<string, Op[]>();
    for (const o of ops) if (!o.done) bySheet.set(o.sheet, [...(bySheet.get(o.sheet) ?? []), o]);
    for (const [sheet, group] of bySheet) {
      try {
        await this.runOps(ctx, group);
      } catch {
        this.failed.push(sheet);
      }
    }
  }
}

/** Loads shared by the probes of one batch. */
interface Shared {
  comments?: Excel.CommentCollection;
}

/** Finish probes after their sync; those that needed more (replies below ExcelApi 1.14) cost one more sync, once. */
async function settle(ctx: Excel.RequestContext, reads: readonly (() => Found | (() => Found))[]): Promise<Found[]> {
  const first = reads.map((r) => r());
  if (first.some((f) => typeof f === "function")) await ctx.sync();
  return first.map((f) => (typeof f === "function" ? f() : f));
}

async function enumerateSheets(ctx: Excel.RequestContext): Promise<SheetRef[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/id,items/name");
  await ctx.sync();
  return sheets.items.map((s) => ({ id: s.id, name: s.name }));
}

function isOurCf(cf: Excel.ConditionalFormat): boolean {
  const custom = cf.customOrNullObject;
  return cf.type === "Custom" && !custom.isNullObject && custom.rule.formula === MARK_CF_FORMULA;
}

function hasPrefix(content: unknown): content is string {
  return typeof content === "string" && content.startsWith(MARK_PREFIX);
}

function loadAddress(r: Excel.Range): Excel.Range {
  r.load("address");
  return r;
}

/** "'Sheet 1'!B3" or "Sheet1!B3" → the registry key "Sheet 1!B3". */
export function fullAddressKey(address: string): string {
  const at = splitSheetAddress(address);
  return cellKey(at.sheet, at.address.replace(/\$/g, ""));
}
