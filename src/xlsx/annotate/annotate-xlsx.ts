/**
 * `--annotate` as a surgical patch of the workbook's zip: the add-in's mark plan (src/core/report/mark-plan.ts:
 * which cells, which severity, which note text, how many notes) written as cell fills and notes. Only the parts that
 * must change are rewritten — the marked sheets (cells' `s` ids, a `<legacyDrawing>` when notes are new there),
 * styles.xml, the notes and their VML, content types, relationships — and every other part keeps its exact bytes.
 */
import { parseA1, toA1 } from "../../core/address";
import { cellAt, type Finding, type FindingCell } from "../../core/finding";
import { MARK_FILL, MARK_PREFIX, planMarks, type MarkSeverity } from "../../core/report/mark-plan";
import { ContentTypes, Package, PackageError, RelsEditor, freePartName, usesStrictRels } from "./package";
import { extensionProblem } from "./workbook-kind";
import type { Inflaters } from "../zip";
import { emptyComments, emptyVml, patchComments, patchVml, refsWithText, vmlIds, type NoteToWrite } from "./notes-patch";
import { patchSheet, sheetInfo, type SheetMark } from "./sheet-patch";
import { MINIMAL_STYLES, StylesPatch } from "./styles-patch";
import { XmlPatchError, attr, children, nextTag, prefixedAttr, rootTag } from "./xml-lex";
// Excel's limits: a mark past them names no cell Excel could show.
import { MAX_COLS, MAX_ROWS } from "../limits";

export interface AnnotateSummary {
  /** Cells that received a fill. */
  marked: number;
  /** Cells that received a note, or had ours appended to the user's. */
  noted: number;
  /** Marked cells naming a sheet or address not in the workbook. */
  skipped: FindingCell[];
  /**
   * Marked cells that got a fill but no note: the cell holds a threaded comment (its note part holds only Excel's
   * placeholder, and Excel shows the thread instead), or the sheet's note drawing is missing from the file.
   */
  unnoted: { cell: FindingCell; reason: "threaded-comment" | "damaged-drawing" }[];
  /**
   * Cells whose note still holds ours from an earlier annotation (the input is an annotated copy) where this check
   * marks nothing: the note and fill stay as they were, since the cell's own format before them is not known.
   */
  staleNotes: number;
}

/** Why the copy cannot be made, in one line (English; `zh` in Chinese where the reason is the user's to act on). */
export class AnnotateError extends Error {
  constructor(
    message: string,
    readonly zh?: string,
  ) {
    super(message);
  }
}

const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";

/** "#FFC7CE" → "FFFFC7CE" (styles.xml colours are ARGB). */
export function argbOf(severity: MarkSeverity): string {
  return `FF${MARK_FILL[severity].replace("#", "").toUpperCase()}`;
}

interface PlannedCell {
  ref: FindingCell;
  row: number;
  col: number;
  severity: MarkSeverity;
  note: string;
}

export interface AnnotateOptions {
  /** The host's raw deflate for the parts written anew (the CLI gives Node's zlib); fflate's without. */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
  /** How the parts that are read are inflated (src/xlsx/zip.ts); fflate's streaming inflater without. */
  inflaters?: Inflaters;
  /** The copy's file name, when known: refused when its extension is another kind's than the workbook's. */
  output?: string;
}

/**
 * The annotated copy of `data` (an .xlsx, .xlsm, .xltx or .xltm) and what was marked. Throws AnnotateError with a
 * one-line reason, also when `options.output` has an extension Excel would refuse for this kind of workbook.
 */
export function annotateXlsx(data: Uint8Array, findings: readonly Finding[], options: AnnotateOptions = {}): { data: Uint8Array; summary: AnnotateSummary } {
  try {
    return annotate(data, findings, options);
  } catch (e) {
    if (e instanceof PackageError || e instanceof XmlPatchError) throw new AnnotateError(e.message);
    throw e;
  }
}

function annotate(
  data: Uint8Array,
  findings: readonly Finding[],
  { deflateRaw, inflaters, output }: AnnotateOptions,
): { data: Uint8Array; summary: AnnotateSummary } {
  const pkg = new Package(data, inflaters);
  const contentTypes = new ContentTypes(pkg);
  const rootRels = new RelsEditor(pkg, "");
  const workbookPart = pkg.find(rootRels.targets("officeDocument")[0]?.part ?? "xl/workbook.xml");
  if (!workbookPart) throw new AnnotateError("the workbook part is missing");
  const misnamed = output === undefined ? null : extensionProblem(contentTypes.typeOf(workbookPart), output);
  if (misnamed) throw new AnnotateError(misnamed.en, misnamed.zh);
  const workbookRels = new RelsEditor(pkg, workbookPart);
  const strict = usesStrictRels(workbookRels.rels);
  const sheetParts = sheetsOf(pkg.text(workbookPart) as string, workbookRels);

  const summary: AnnotateSummary = { marked: 0, noted: 0, skipped: [], unnoted: [], staleNotes: 0 };
  // A finding naming a cell past Excel's limits cannot be marked (and must not stop the others).
  const markable = findings.filter((f) => {
    const c = f.cells[0];
    if (f.severity === "info" || !c) return true;
    if (inSheet(c)) return true;
    summary.skipped.push(c);
    return false;
  });
  const bySheet = new Map<string, PlannedCell[]>();
  for (const m of planMarks(markable, false).cells.values()) {
    const ref = cellAt(m.sheet, m.address);
    const part = sheetParts.get(m.sheet) ?? sheetParts.get(m.sheet.toLowerCase());
    if (!part) {
      summary.skipped.push(ref);
      continue;
    }
    let list = bySheet.get(part);
    if (!list) bySheet.set(part, (list = []));
    list.push({ ref, row: ref.row, col: ref.col, severity: m.severity, note: m.note });
  }
  summary.staleNotes = staleNotes(pkg, sheetParts, bySheet);
  if (bySheet.size === 0) return { data: pkg.toZip(deflateRaw), summary };

  let stylesPart = workbookRels.targets("styles").map((t) => pkg.find(t.part))[0];
  if (!stylesPart) {
    stylesPart = "xl/styles.xml";
    pkg.put(stylesPart, MINIMAL_STYLES);
    workbookRels.add("styles", stylesPart, strict);
    contentTypes.ensurePart(stylesPart, CT_STYLES);
  }
  const styles = new StylesPatch(pkg.text(stylesPart) as string);
  let maxBlock = 0;
  for (const name of pkg.names())
    if (/\.vml$/i.test(name)) {
      // Only the ids are read here (ASCII): a drawing we do not patch may be in any encoding.
      const { blocks, ids } = vmlIds(pkg.looseText(name) as string);
      maxBlock = Math.max(maxBlock, ...blocks, ...ids.map((id) => Math.floor(id / 1024)));
    }
  const freeBlock = () => ++maxBlock;

  for (const [part, cells] of bySheet) {
    const xml = pkg.text(part);
    if (xml === undefined) {
      summary.skipped.push(...cells.map((c) => c.ref));
      continue;
    }
    const info = sheetInfo(xml);
    const sheetRels = new RelsEditor(pkg, part);
    const threadedRefs = threadedCommentRefs(pkg, sheetRels);
    const notes: NoteToWrite[] = [];
    for (const c of cells) {
      if (c.note === "") continue;
      if (threadedRefs.has(`${c.row}:${c.col}`)) summary.unnoted.push({ cell: c.ref, reason: "threaded-comment" });
      else notes.push({ row: c.row, col: c.col, text: c.note });
    }

    let legacyDrawingId: string | undefined;
    if (notes.length > 0) {
      // The sheet's VML: where the boxes of its notes (and any form controls) live. A dangling one cannot take shapes.
      let vmlPart: string | undefined;
      let vmlUsable = true;
      if (info.legacyDrawingId !== undefined) {
        const rel = sheetRels.byId(info.legacyDrawingId);
        vmlPart = rel && !rel.external ? pkg.find(sheetRels.targets("vmlDrawing").find((t) => t.rel.id === rel.id)?.part ?? "") : undefined;
        vmlUsable = vmlPart !== undefined;
      }
      const commentsTarget = sheetRels.targets("comments").map((t) => pkg.find(t.part))[0];
      const commentsPart = commentsTarget ?? freePartName(pkg, (n) => `xl/comments${n}.xml`);
      const commentsXml = commentsTarget ? (pkg.text(commentsTarget) as string) : emptyComments(info.strict);
      const patched = patchComments(commentsXml, notes, vmlUsable);
      const refused = new Set(patched.refused.map((n) => `${n.row}:${n.col}`));
      for (const c of cells) if (refused.has(`${c.row}:${c.col}`)) summary.unnoted.push({ cell: c.ref, reason: "damaged-drawing" });
      summary.noted += patched.added.length + patched.appended.length;
      if (patched.added.length + patched.appended.length > 0) {
        pkg.put(commentsPart, patched.xml);
        if (!commentsTarget) {
          sheetRels.add("comments", commentsPart, strict);
          contentTypes.ensurePart(commentsPart, CT_COMMENTS);
        }
      }
      if (patched.added.length > 0) {
        if (!vmlPart) {
          vmlPart = freePartName(pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
          pkg.put(vmlPart, emptyVml(freeBlock()));
          legacyDrawingId = sheetRels.add("vmlDrawing", vmlPart, strict);
          contentTypes.ensureDefault("vml", CT_VML);
        }
        pkg.put(vmlPart, patchVml(pkg.text(vmlPart) as string, patched.added, freeBlock));
      }
    }

    const marks = new Map<SheetMark, MarkSeverity>();
    for (const c of cells) marks.set({ row: c.row, col: c.col }, c.severity);
    const restyle = (m: SheetMark, base: number) => styles.restyle(base, argbOf(marks.get(m) as MarkSeverity));
    pkg.put(part, patchSheet(xml, [...marks.keys()], restyle, legacyDrawingId));
    summary.marked += cells.length;
    if (sheetRels.commit() === "created") contentTypes.ensureDefault("rels", CT_RELS);
  }

  pkg.put(stylesPart, styles.result());
  workbookRels.commit();
  contentTypes.commit();
  return { data: pkg.toZip(deflateRaw), summary };
}

/** A cell reference read from the file (a threaded comment's). */
function cellOf(address: string): { row: number; col: number } | undefined {
  try {
    const rc = parseA1(address);
    return inSheet(rc) ? rc : undefined;
  } catch {
    return undefined;
  }
}

function inSheet(c: { row: number; col: number }): boolean {
  return c.row >= 0 && c.col >= 0 && c.row < MAX_ROWS && c.col < MAX_COLS;
}

/** Sheet name → worksheet part name (also by lower-case name: Excel's sheet names are case-insensitive). */
function sheetsOf(workbookXml: string, rels: RelsEditor): Map<string, string> {
  const out = new Map<string, string>();
  const root = rootTag(workbookXml);
  const sheets = children(workbookXml, root).find((c) => c.tag.local === "sheets");
  if (!sheets) throw new AnnotateError("the workbook lists no sheets");
  for (const { tag } of children(workbookXml, sheets.tag)) {
    if (tag.local !== "sheet") continue;
    const name = attr(workbookXml, tag, "name")?.value;
    const id = prefixedAttr(workbookXml, tag, "id")?.value;
    const target = rels.targets("worksheet").find((t) => t.rel.id === id);
    if (name === undefined || !target) continue;
    out.set(name, target.part);
    if (!out.has(name.toLowerCase())) out.set(name.toLowerCase(), target.part);
  }
  return out;
}

/** "row:col" of every cell with a threaded comment on this sheet. */
function threadedCommentRefs(pkg: Package, rels: RelsEditor): Set<string> {
  const out = new Set<string>();
  for (const { part } of rels.targets("threadedComment")) {
    const xml = pkg.text(part);
    if (xml === undefined) continue;
    for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
      if (t.kind === "close" || t.local !== "threadedComment") continue;
      const rc = cellOf(attr(xml, t, "ref")?.value ?? "");
      if (rc) out.add(`${rc.row}:${rc.col}`);
    }
  }
  return out;
}

/** Cells of any sheet whose note holds one of ours (MARK_PREFIX) while this check marks nothing there. */
function staleNotes(pkg: Package, sheetParts: ReadonlyMap<string, string>, bySheet: ReadonlyMap<string, readonly PlannedCell[]>): number {
  let n = 0;
  for (const part of new Set(sheetParts.values())) {
    const marked = new Set((bySheet.get(part) ?? []).map((c) => toA1(c.row, c.col)));
    try {
      for (const t of new RelsEditor(pkg, part).targets("comments")) {
        const name = pkg.find(t.part);
        const xml = name === undefined ? undefined : pkg.text(name);
        if (xml !== undefined) for (const ref of refsWithText(xml, MARK_PREFIX)) if (!marked.has(ref)) n++;
      }
    } catch (e) {
      // Only a count for a hint: a part it cannot read here is reported where it matters, if anywhere.
      if (!(e instanceof PackageError || e instanceof XmlPatchError)) throw e;
    }
  }
  return n;
}
