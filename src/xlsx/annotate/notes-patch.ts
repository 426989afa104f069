/**
 * Notes ("comments" in the file format) for marks: the comments part and the VML drawing that holds each note's
 * box. A user's note on a marked cell keeps its text and formatting; ours is appended as one more run, or replaces
 * ours from an earlier annotation of the same copy (never a second one). New notes get a
 * comment and a VML shape; shapes already in the VML (other notes, form controls) stay, new shapes get fresh ids.
 */
import { toA1 } from "../../core/address";
import { MARK_PREFIX } from "../../core/report/mark-plan";
import {
  XmlPatchError,
  applyEdits,
  attr,
  child,
  children,
  closeTagStart,
  decodeXml,
  escapeText,
  nextTag,
  rootTag,
  withAttr,
  type Edit,
  type Tag,
} from "./xml-lex";

export const NOTE_AUTHOR = "预算表检查";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MAIN_NS_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export interface NoteToWrite {
  row: number;
  col: number;
  text: string;
}

/** "B2" in any case, "$B$2" → "B2". */
function normRef(ref: string): string {
  return ref.replace(/\$/g, "").toUpperCase();
}

export function emptyComments(strict: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${strict ? MAIN_NS_STRICT : MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList/></comments>`
  );
}

/** The cells (A1, upper case) of the comments whose text contains `needle`. */
export function refsWithText(xml: string, needle: string): string[] {
  const root = rootTag(xml);
  const list = children(xml, root).find((c) => c.tag.local === "commentList");
  if (!list) return [];
  const out: string[] = [];
  for (const c of children(xml, list.tag)) {
    const ref = c.tag.local === "comment" ? attr(xml, c.tag, "ref")?.value : undefined;
    if (ref && xml.slice(c.tag.end, c.end).includes(needle)) out.push(normRef(ref));
  }
  return out;
}

/**
 * The comments part with our notes: appended to a comment already on the cell (returned in `appended`), or added as
 * new comments (returned in `added`: these need a VML shape).
 */
export function patchComments(
  xml: string,
  notes: readonly NoteToWrite[],
  allowNew = true,
): { xml: string; added: NoteToWrite[]; appended: NoteToWrite[]; refused: NoteToWrite[] } {
  const root = rootTag(xml);
  if (root.local !== "comments") throw new XmlPatchError(`not a comments part (<${root.name}>)`);
  const p = root.prefix ? `${root.prefix}:` : "";
  const top = children(xml, root);
  const edits: Edit[] = [];

  const authors = top.find((c) => c.tag.local === "authors");
  const authorNames = authors
    ? children(xml, authors.tag)
        .filter((c) => c.tag.local === "author")
        .map((c) => decodeXml(xml.slice(c.tag.end, Math.max(c.tag.end, xml.lastIndexOf("</", c.end - 1)))))
    : [];
  let authorId = authorNames.indexOf(NOTE_AUTHOR);
  const needAuthor = authorId < 0;
  if (needAuthor) authorId = authorNames.length;

  const list = top.find((c) => c.tag.local === "commentList");
  const existing = new Map<string, { tag: Tag; end: number }>();
  if (list)
    for (const c of children(xml, list.tag)) {
      if (c.tag.local !== "comment") continue;
      const ref = attr(xml, c.tag, "ref")?.value;
      if (ref) existing.set(normRef(ref), c);
    }

  const added: NoteToWrite[] = [];
  const appended: NoteToWrite[] = [];
  const refused: NoteToWrite[] = [];
  for (const n of notes) {
    const c = existing.get(toA1(n.row, n.col));
    if (c) {
      edits.push(...appendToComment(xml, c.tag, p, n.text));
      appended.push(n);
    } else if (allowNew) added.push(n);
    else refused.push(n);
  }

  if (added.length > 0 && needAuthor) {
    const a = `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`;
    if (!authors) {
      edits.push({ start: root.end, end: root.end, text: `<${p}authors>${a}</${p}authors>` });
    } else if (authors.tag.kind === "empty") {
      edits.push({ start: authors.tag.start, end: authors.tag.end, text: `<${authors.tag.name}>${a}</${authors.tag.name}>` });
    } else {
      const at = closeTagStart(xml, authors.tag);
      edits.push({ start: at, end: at, text: a });
    }
  }
  if (added.length > 0) {
    const items = added
      .map((n) => `<${p}comment ref="${toA1(n.row, n.col)}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(n.text)}</${p}t></${p}r></${p}text></${p}comment>`)
      .join("");
    if (!list) {
      const at = authors ? authors.end : root.end;
      edits.push({ start: at, end: at, text: `<${p}commentList>${items}</${p}commentList>` });
    } else if (list.tag.kind === "empty") {
      edits.push({ start: list.tag.start, end: list.tag.end, text: `<${list.tag.name}>${items}</${list.tag.name}>` });
    } else {
      const at = closeTagStart(xml, list.tag);
      edits.push({ start: at, end: at, text: items });
    }
  }
  return { xml: applyEdits(xml, edits), added, appended, refused };
}

/**
 * Our text after the user's: a new run after the last run (Excel's form: author run + text runs), or, for a note that
 * is one plain <t> (openpyxl's form), appended inside it, since CT_Rst allows runs after a plain <t> but not every
 * reader shows both.
 */
function appendToComment(xml: string, comment: Tag, p: string, text: string): Edit[] {
  const body = child(xml, comment, "text");
  const again = body && body.tag.kind !== "empty" ? replaceEarlierNote(xml, body.tag, text) : null;
  if (again) return again;
  const ours = `\n\n${text}`;
  const run = `<${p}r><${p}t xml:space="preserve">${escapeText(ours)}</${p}t></${p}r>`;
  if (!body) {
    if (comment.kind === "empty") {
      const open = xml.slice(comment.start, comment.end - 2).replace(/\s+$/, "") + ">";
      return [{ start: comment.start, end: comment.end, text: `${open}<${p}text>${run}</${p}text></${comment.name}>` }];
    }
    return [{ start: comment.end, end: comment.end, text: `<${p}text>${run}</${p}text>` }];
  }
  if (body.tag.kind === "empty") return [{ start: body.tag.start, end: body.tag.end, text: `<${body.tag.name}>${run}</${body.tag.name}>` }];
  const parts = children(xml, body.tag);
  const runs = parts.filter((c) => c.tag.local === "r");
  if (runs.length > 0) {
    const last = runs[runs.length - 1];
    return [{ start: last.end, end: last.end, text: run }];
  }
  const plain = parts.find((c) => c.tag.local === "t");
  if (plain) {
    const t = plain.tag;
    if (t.kind === "empty") return [{ start: t.start, end: t.end, text: `<${t.name} xml:space="preserve">${escapeText(ours)}</${t.name}>` }];
    const close = xml.lastIndexOf("</", plain.end - 1);
    return [
      { start: t.start, end: t.end, text: withAttr(xml.slice(t.start, t.end), "xml:space", "preserve") },
      { start: close, end: close, text: escapeText(ours) },
    ];
  }
  return [{ start: body.tag.end, end: body.tag.end, text: run }];
}

/**
 * A copy annotated before is annotated again: our earlier note in the comment (a run of its own, or the tail of a
 * plain <t> after the user's text) gets the new text instead of a second note after it. What precedes our prefix in
 * that text (the user's words, the blank lines before ours) and every other run stay.
 */
function replaceEarlierNote(xml: string, body: Tag, text: string): Edit[] | null {
  for (const part of children(xml, body)) {
    const t = part.tag.local === "t" ? part : part.tag.local === "r" ? child(xml, part.tag, "t") : undefined;
    if (!t || t.tag.kind === "empty") continue;
    const close = xml.lastIndexOf("</", t.end - 1);
    const content = decodeXml(xml.slice(t.tag.end, close));
    const at = content.indexOf(MARK_PREFIX);
    if (at < 0) continue;
    return [
      { start: t.tag.start, end: t.tag.end, text: withAttr(xml.slice(t.tag.start, t.tag.end), "xml:space", "preserve") },
      { start: t.tag.end, end: close, text: escapeText(content.slice(0, at) + text) },
    ];
  }
  return null;
}

// ---- VML -------------------------------------------------------------------------------------------------------

const VML_NS = "urn:schemas-microsoft-com:vml";
const OFFICE_NS = "urn:schemas-microsoft-com:office:office";
const EXCEL_NS = "urn:schemas-microsoft-com:office:excel";
/** Shape ids live in blocks of 1024 per drawing, named by <o:idmap data="…">. */
const BLOCK = 1024;

export function emptyVml(block: number): string {
  return (
    `<xml xmlns:v="${VML_NS}" xmlns:o="${OFFICE_NS}" xmlns:x="${EXCEL_NS}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    "</xml>"
  );
}

/** Blocks named by a VML part's idmap, and the shape ids it uses. */
export function vmlIds(vml: string): { blocks: number[]; ids: number[] } {
  const blocks: number[] = [];
  for (const m of vml.matchAll(/<[\w]*:?idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/gi))
    for (const b of m[1].split(/[\s,]+/)) if (/^\d+$/.test(b)) blocks.push(Number(b));
  const ids: number[] = [];
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) ids.push(Number(m[1]));
  return { blocks, ids };
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function noteShape(id: number, n: NoteToWrite, z: number): string {
  // Excel's default box: one column right of the cell, a row above it, about 3 columns by 4 rows, hidden until hover.
  const top = Math.max(n.row - 1, 0);
  const anchor = `${n.col + 1}, 15, ${top}, 10, ${n.col + 3}, 15, ${top + 4}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The VML with one note shape per note. `freeBlock` hands out an idmap block no VML part of the workbook uses, for
 * when this part's own blocks are full (or it names none).
 */
export function patchVml(vml: string, notes: readonly NoteToWrite[], freeBlock: () => number): string {
  if (notes.length === 0) return vml;
  const root = rootTag(vml);
  const { blocks, ids } = vmlIds(vml);
  const used = new Set(ids);
  const ownBlocks = [...blocks];
  const newBlocks: number[] = [];
  const take = (): number => {
    for (const b of ownBlocks)
      for (let id = b * BLOCK + 1; id < (b + 1) * BLOCK; id++)
        if (!used.has(id)) {
          used.add(id);
          return id;
        }
    const b = freeBlock();
    ownBlocks.push(b);
    newBlocks.push(b);
    return take();
  };
  let z = ids.length;
  const shapes = notes.map((n) => noteShape(take(), n, ++z)).join("");
  // Our markup uses v:, o:, x:; declare them on the root if the part binds them otherwise (or not at all).
  const missing = [
    ["v", VML_NS],
    ["o", OFFICE_NS],
    ["x", EXCEL_NS],
  ].filter(([prefix, uri]) => attr(vml, root, `xmlns:${prefix}`)?.value !== uri);
  if (missing.some(([prefix]) => attr(vml, root, `xmlns:${prefix}`) !== undefined))
    throw new XmlPatchError("VML binds v:, o: or x: to other namespaces");
  const edits: Edit[] = [];
  let open = vml.slice(root.start, root.end);
  for (const [prefix, uri] of missing) open = withAttr(open, `xmlns:${prefix}`, uri);
  const hasShapetype = /id\s*=\s*["']_x0000_t202["']/.test(vml);
  const inner = (hasShapetype ? "" : SHAPETYPE) + shapes;
  if (root.kind === "empty") {
    edits.push({ start: root.start, end: root.end, text: `${open.slice(0, -2).replace(/\s+$/, "")}>${inner}</${root.name}>` });
  } else {
    if (open !== vml.slice(root.start, root.end)) edits.push({ start: root.start, end: root.end, text: open });
    const at = vml.lastIndexOf(`</${root.name}`);
    if (at < 0) throw new XmlPatchError("VML root is not closed");
    edits.push({ start: at, end: at, text: inner });
  }
  if (newBlocks.length > 0) {
    const idmap = findIdmap(vml, root);
    if (idmap) {
      const list = [...blocks, ...newBlocks].join(",");
      edits.push({ start: idmap.start, end: idmap.end, text: withAttr(vml.slice(idmap.start, idmap.end), "data", list) });
    } else {
      const layout = `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${newBlocks.join(",")}"/></o:shapelayout>`;
      if (root.kind === "empty") edits[0] = { ...edits[0], text: edits[0].text.replace(">", `>${layout}`) };
      else edits.push({ start: root.end, end: root.end, text: layout });
    }
  }
  return applyEdits(vml, edits);
}

function findIdmap(vml: string, root: Tag): Tag | undefined {
  for (let t = nextTag(vml, root.end); t; t = nextTag(vml, t.end)) if (t.kind !== "close" && t.local === "idmap") return t;
  return undefined;
}
