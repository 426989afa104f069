/**
 * A worksheet part for marks: the `s` (cell format) attribute of each marked cell is changed, a `<c>` is inserted
 * for a marked cell that has no element yet (and a `<row>` for a row that has none), and a `<legacyDrawing>` is
 * added at its schema position when the sheet gets notes and had no VML drawing. Nothing else in the part changes:
 * values, formulas, inline strings, dates, conditional formats, validations and extLst are left byte for byte.
 */
import { columnIndex, toA1 } from "../../core/address";
import {
  XmlPatchError,
  applyEdits,
  attr,
  children,
  elementEnd,
  nextTag,
  prefixFor,
  prefixedAttr,
  rootTag,
  withAttr,
  type Edit,
  type Tag,
} from "./xml-lex";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/** CT_Worksheet children that come after <legacyDrawing>; it goes before the first of them present. */
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

export interface SheetMark {
  row: number;
  col: number;
}

/** Maps a cell's current format index to the one it gets (the caller decides by the mark at that cell). */
export type Restyle = (mark: SheetMark, baseXf: number) => number;

export interface SheetInfo {
  /** r:id of an existing <legacyDrawing>, if any. */
  legacyDrawingId: string | undefined;
  strict: boolean;
}

export function sheetInfo(xml: string): SheetInfo {
  const root = rootTag(xml);
  if (root.local !== "worksheet") throw new XmlPatchError(`not a worksheet (<${root.name}>)`);
  const ns = attr(xml, root, root.prefix ? `xmlns:${root.prefix}` : "xmlns")?.value ?? "";
  const legacy = topLevel(xml, root).find((c) => c.tag.local === "legacyDrawing");
  return {
    legacyDrawingId: legacy ? prefixedAttr(xml, legacy.tag, "id")?.value : undefined,
    strict: ns.startsWith("http://purl.oclc.org/"),
  };
}

/**
 * Whether the document has no comments, CDATA or processing instructions after its root's start: then no raw "<"
 * can occur in content, so the end of an element that cannot nest (<sheetData>, <row>) is the next close tag of
 * its name — found with indexOf instead of lexing every cell of a 100,000-row sheet.
 */
function isPlain(xml: string, root: Tag): boolean {
  return xml.indexOf("<!", root.end) < 0 && xml.indexOf("<?", root.end) < 0;
}

function endOf(xml: string, t: Tag, plain: boolean): number {
  if (plain && t.kind === "open") {
    const close = `</${t.name}>`;
    const at = xml.indexOf(close, t.end);
    if (at >= 0) return at + close.length;
  }
  return elementEnd(xml, t);
}

/** The root's children; <sheetData> is skipped over by endOf, not lexed. */
function topLevel(xml: string, root: Tag, plain = isPlain(xml, root)): { tag: Tag; end: number }[] {
  const out: { tag: Tag; end: number }[] = [];
  if (root.kind === "empty") return out;
  let t = nextTag(xml, root.end);
  while (t && t.kind !== "close") {
    const end = t.local === "sheetData" ? endOf(xml, t, plain) : elementEnd(xml, t);
    out.push({ tag: t, end });
    t = nextTag(xml, end);
  }
  return out;
}

/**
 * The patched sheet: marks applied via `restyle`, and `<legacyDrawing r:id="…">` added when `legacyDrawingId` is
 * given (the caller only asks when the sheet has none).
 */
export function patchSheet(xml: string, marks: readonly SheetMark[], restyle: Restyle, legacyDrawingId?: string): string {
  const root = rootTag(xml);
  const p = root.prefix ? `${root.prefix}:` : "";
  const plain = isPlain(xml, root);
  const top = topLevel(xml, root, plain);
  const sheetData = top.find((c) => c.tag.local === "sheetData");
  if (!sheetData) throw new XmlPatchError("worksheet without <sheetData>");
  const edits: Edit[] = [];

  const byRow = new Map<number, Map<number, SheetMark>>();
  for (const m of marks) {
    let cols = byRow.get(m.row);
    if (!cols) byRow.set(m.row, (cols = new Map()));
    cols.set(m.col, m);
  }
  const colStyles = columnStyles(xml, top.find((c) => c.tag.local === "cols")?.tag);
  const closeOfRoot = () => xml.lastIndexOf(`</${root.name}`);
  const colStyle = (col: number) => colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;

  // Rows in document order; a row without r= follows the previous one (as Excel reads it).
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);
  let nextPending = 0;
  let rowIndex = -1;
  const sd = sheetData.tag;
  const newRow = (row: number) => {
    const cols = byRow.get(row) as Map<number, SheetMark>;
    const cells = [...cols.values()]
      .sort((a, b) => a.col - b.col)
      .map((m) => newCell(p, m, restyle(m, colStyle(m.col))))
      .join("");
    return `<${p}row r="${row + 1}">${cells}</${p}row>`;
  };
  if (sd.kind === "open") {
    let t = nextTag(xml, sd.end);
    while (t && t.kind !== "close") {
      const end = t.local === "row" ? endOf(xml, t, plain) : elementEnd(xml, t);
      if (t.local === "row") {
        const r = attr(xml, t, "r");
        rowIndex = r ? Number(r.value) - 1 : rowIndex + 1;
        if (!Number.isInteger(rowIndex) || rowIndex < 0) throw new XmlPatchError(`row number "${r?.value}"`);
        // Marked rows that have no <row> element yet go before the first row past them.
        while (nextPending < pendingRows.length && pendingRows[nextPending] < rowIndex) {
          edits.push({ start: t.start, end: t.start, text: newRow(pendingRows[nextPending]) });
          nextPending++;
        }
        if (pendingRows[nextPending] === rowIndex) {
          nextPending++;
          const rowStyle = attr(xml, t, "customFormat")?.value === "1" || attr(xml, t, "customFormat")?.value === "true" ? Number(attr(xml, t, "s")?.value ?? 0) : undefined;
          edits.push(...patchRow(xml, t, end, byRow.get(rowIndex) as Map<number, SheetMark>, p, restyle, (col) => rowStyle ?? colStyle(col)));
        }
      }
      t = nextTag(xml, end);
    }
  }
  if (nextPending < pendingRows.length) {
    const rest = pendingRows.slice(nextPending).map(newRow).join("");
    if (sd.kind === "empty") {
      const open = xml.slice(sd.start, sd.end - 2).replace(/\s+$/, "") + ">";
      edits.push({ start: sd.start, end: sd.end, text: `${open}${rest}</${sd.name}>` });
    } else {
      const at = xml.lastIndexOf("</", sheetData.end - 1);
      edits.push({ start: at, end: at, text: rest });
    }
  }

  if (legacyDrawingId !== undefined) {
    const next = top.find((c) => AFTER_LEGACY_DRAWING.has(c.tag.local));
    const at = next ? next.tag.start : closeOfRoot();
    const rp = prefixFor(xml, root, REL_NS) ?? prefixFor(xml, root, REL_NS_STRICT);
    const strict = (attr(xml, root, root.prefix ? `xmlns:${root.prefix}` : "xmlns")?.value ?? "").startsWith("http://purl.oclc.org/");
    const idAttr = rp ? `${rp}:id="${legacyDrawingId}"` : `xmlns:r="${strict ? REL_NS_STRICT : REL_NS}" r:id="${legacyDrawingId}"`;
    edits.push({ start: at, end: at, text: `<${p}legacyDrawing ${idAttr}/>` });
  }
  return applyEdits(xml, edits);
}

function newCell(p: string, m: SheetMark, s: number): string {
  return `<${p}c r="${toA1(m.row, m.col)}" s="${s}"/>`;
}

/** Edits for one row: restyle its marked cells, insert the marked cells it lacks in column order. */
function patchRow(
  xml: string,
  row: Tag,
  rowEnd: number,
  marks: Map<number, SheetMark>,
  p: string,
  restyle: Restyle,
  inherited: (col: number) => number,
): Edit[] {
  const edits: Edit[] = [];
  const pending = [...marks.keys()].sort((a, b) => a - b);
  let next = 0;
  let col = -1;
  if (row.kind === "open") {
    let t = nextTag(xml, row.end);
    while (t && t.start < rowEnd && t.kind !== "close") {
      const end = elementEnd(xml, t);
      if (t.local === "c") {
        const r = attr(xml, t, "r");
        col = r ? columnOf(r.value) : col + 1;
        while (next < pending.length && pending[next] < col) {
          const m = marks.get(pending[next]) as SheetMark;
          edits.push({ start: t.start, end: t.start, text: newCell(p, m, restyle(m, inherited(m.col))) });
          next++;
        }
        if (pending[next] === col) {
          const m = marks.get(col) as SheetMark;
          next++;
          const s = attr(xml, t, "s");
          const base = s ? Number(s.value) : 0;
          const open = xml.slice(t.start, t.end);
          edits.push({ start: t.start, end: t.end, text: withAttr(open, "s", String(restyle(m, Number.isInteger(base) ? base : 0))) });
        }
      }
      t = nextTag(xml, end);
    }
  }
  if (next < pending.length) {
    const rest = pending
      .slice(next)
      .map((c) => {
        const m = marks.get(c) as SheetMark;
        return newCell(p, m, restyle(m, inherited(m.col)));
      })
      .join("");
    if (row.kind === "empty") {
      const open = xml.slice(row.start, row.end - 2).replace(/\s+$/, "") + ">";
      edits.push({ start: row.start, end: row.end, text: `${open}${rest}</${row.name}>` });
    } else {
      const at = xml.lastIndexOf("</", rowEnd - 1);
      edits.push({ start: at, end: at, text: rest });
    }
  }
  return edits;
}

function columnOf(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})/.exec(ref);
  if (!m) throw new XmlPatchError(`cell reference "${ref}"`);
  return columnIndex(m[1]);
}

function columnStyles(xml: string, cols: Tag | undefined): { min: number; max: number; style: number }[] {
  if (!cols) return [];
  return children(xml, cols)
    .filter((c) => c.tag.local === "col")
    .map(({ tag }) => ({
      min: Number(attr(xml, tag, "min")?.value ?? 0) - 1,
      max: Number(attr(xml, tag, "max")?.value ?? 0) - 1,
      style: Number(attr(xml, tag, "style")?.value ?? 0),
    }));
}
