/**
 * styles.xml for marks: one solid fill per mark colour appended to <fills>, and for each (cell format, colour) in use a
 * copy of that cell format (<xf> of <cellXfs>) appended with only its fill changed, so number format, font, border,
 * alignment and protection survive. Nothing that is there is changed except the two `count` attributes.
 */
import {
  XmlPatchError,
  applyEdits,
  attr,
  child,
  children,
  closeTagStart,
  rootTag,
  withAttr,
  type Edit,
  type Tag,
} from "./xml-lex";

/** Schema order of <styleSheet>'s children (CT_Stylesheet), for inserting a missing <fills> or <cellXfs>. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

export class StylesPatch {
  private readonly xml: string;
  private readonly p: string;
  private readonly root: Tag;
  private readonly fillCount: number;
  private readonly xfs: string[];
  private readonly newFills: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly newXfs: string[] = [];
  private readonly xfIds = new Map<string, number>();

  constructor(xml: string) {
    this.xml = xml;
    this.root = rootTag(xml);
    if (this.root.local !== "styleSheet") throw new XmlPatchError("styles part has no <styleSheet>");
    this.p = this.root.prefix ? `${this.root.prefix}:` : "";
    const fills = child(xml, this.root, "fills");
    this.fillCount = fills ? children(xml, fills.tag).filter((c) => c.tag.local === "fill").length : 0;
    const cellXfs = child(xml, this.root, "cellXfs");
    this.xfs = cellXfs
      ? children(xml, cellXfs.tag)
          .filter((c) => c.tag.local === "xf")
          .map((c) => xml.slice(c.tag.start, c.end))
      : [];
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  /** The cellXfs index of `baseXf` with its fill replaced by a solid `argb` fill. */
  restyle(baseXf: number, argb: string): number {
    const base = baseXf >= 0 && baseXf < this.xfs.length ? baseXf : 0;
    const key = `${base}\u0000${argb}`;
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const fillId = this.fill(argb);
    const p = this.p;
    const template = this.xfs[base] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    // Only the start tag carries fillId/applyFill; alignment and protection children come along unchanged.
    const open = rootTag(template);
    const head = withAttr(withAttr(template.slice(0, open.end), "fillId", String(fillId)), "applyFill", "1");
    const xf = head + template.slice(open.end);
    const id = Math.max(this.xfs.length, 1) + this.newXfs.length;
    this.newXfs.push(xf);
    this.xfIds.set(key, id);
    return id;
  }

  private fill(argb: string): number {
    const known = this.fillIds.get(argb);
    if (known !== undefined) return known;
    const p = this.p;
    // Fills 0 and 1 are reserved (none, gray125); a styles part without <fills> gets them first.
    const reserved = this.fillCount === 0 ? 2 : 0;
    const id = this.fillCount + reserved + this.newFills.length;
    this.newFills.push(
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
    this.fillIds.set(argb, id);
    return id;
  }

  result(): string {
    if (!this.changed) return this.xml;
    const xml = this.xml;
    const p = this.p;
    const edits: Edit[] = [];
    const fills = child(xml, this.root, "fills");
    if (fills) edits.push(...appendChildren(xml, fills.tag, this.newFills, this.fillCount + this.newFills.length));
    else {
      const reserved = `<${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`;
      edits.push(this.insertElement("fills", `<${p}fills count="${2 + this.newFills.length}">${reserved}${this.newFills.join("")}</${p}fills>`));
    }
    const cellXfs = child(xml, this.root, "cellXfs");
    if (cellXfs) edits.push(...appendChildren(xml, cellXfs.tag, this.newXfs, this.xfs.length + this.newXfs.length));
    else {
      const first = `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
      edits.push(this.insertElement("cellXfs", `<${p}cellXfs count="${1 + this.newXfs.length}">${first}${this.newXfs.join("")}</${p}cellXfs>`));
    }
    return applyEdits(xml, edits);
  }

  /** An edit inserting a missing child of <styleSheet> at its schema position. */
  private insertElement(local: string, text: string): Edit {
    const later = new Set(STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(local) + 1));
    const next = children(this.xml, this.root).find((c) => later.has(c.tag.local));
    const at = next ? next.tag.start : closeTagStart(this.xml, this.root);
    return { start: at, end: at, text };
  }
}

/** Edits appending `items` to an element and setting its count (an empty `<fills/>` is opened up). */
function appendChildren(xml: string, tag: Tag, items: readonly string[], count: number): Edit[] {
  const open = xml.slice(tag.start, tag.end);
  const hasCount = attr(xml, tag, "count") !== undefined;
  if (tag.kind === "empty") {
    const opened = open.slice(0, -2).replace(/\s+$/, "") + ">";
    const head = hasCount ? withAttr(opened, "count", String(count)) : opened;
    return [{ start: tag.start, end: tag.end, text: `${head}${items.join("")}</${tag.name}>` }];
  }
  const edits: Edit[] = [];
  if (hasCount) edits.push({ start: tag.start, end: tag.end, text: withAttr(open, "count", String(count)) });
  const at = closeTagStart(xml, tag);
  edits.push({ start: at, end: at, text: items.join("") });
  return edits;
}
