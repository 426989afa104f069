/**
 * Reading an .xlsx as parts for tests, independently of the code under test: fflate to unzip, saxes (namespace-aware,
 * strict) to parse every XML part into a small tree. `strictOpen` is the "opens with a strict read" check: every XML
 * part well-formed with its namespaces declared, every internal relationship target present, every part typed.
 */
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export interface XNode {
  /** Qualified name as written. */
  name: string;
  local: string;
  uri: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export function parseXml(xml: string, fileName = "xml"): XNode {
  const parser = new SaxesParser({ xmlns: true, fileName });
  const root: XNode = { name: "#doc", local: "#doc", uri: "", attrs: {}, children: [], text: "" };
  const stack: XNode[] = [root];
  let error: Error | undefined;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attrs[k] = typeof a === "string" ? a : a.value;
    const node: XNode = { name: tag.name, local: tag.local ?? tag.name, uri: tag.uri ?? "", attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => void (stack[stack.length - 1].text += t));
  parser.on("cdata", (t) => void (stack[stack.length - 1].text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (error) throw error;
  const el = root.children[0];
  if (!el) throw new Error(`${fileName}: no root element`);
  return el;
}

export function kids(n: XNode, local: string): XNode[] {
  return n.children.filter((c) => c.local === local);
}

export function kid(n: XNode, local: string): XNode | undefined {
  return n.children.find((c) => c.local === local);
}

export function descendants(n: XNode, local: string): XNode[] {
  const out: XNode[] = [];
  const walk = (x: XNode) => {
    for (const c of x.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}

export function attrByLocal(n: XNode, local: string): string | undefined {
  for (const [k, v] of Object.entries(n.attrs)) if (k === local || (k.endsWith(`:${local}`) && !k.startsWith("xmlns"))) return v;
  return undefined;
}

export type Parts = Map<string, Uint8Array>;

export function unzip(data: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(data)));
}

const td = new TextDecoder();
export function text(parts: Parts, name: string): string {
  const found = [...parts.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`no part ${name}`);
  return td.decode(parts.get(found));
}

export function resolve(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of decodeURIComponent(target).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

function relsOf(parts: Parts, part: string): { id: string; type: string; target: string }[] {
  const slash = part.lastIndexOf("/");
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  if (![...parts.keys()].some((k) => k.toLowerCase() === relsName.toLowerCase())) return [];
  return kids(parseXml(text(parts, relsName)), "Relationship")
    .filter((r) => r.attrs.TargetMode !== "External")
    .map((r) => ({ id: r.attrs.Id, type: r.attrs.Type, target: resolve(part, r.attrs.Target) }));
}

/** Sheet name → worksheet part. */
export function sheetParts(parts: Parts): Map<string, string> {
  const wbPart = relsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const rels = relsOf(parts, wbPart);
  const out = new Map<string, string>();
  for (const s of descendants(parseXml(text(parts, wbPart)), "sheet")) {
    const id = attrByLocal(s, "id");
    const rel = rels.find((r) => r.id === id);
    if (rel) out.set(s.attrs.name, rel.target);
  }
  return out;
}

/** Plain text of a rich/plain string item: every <t> under it except phonetic runs. */
export function richText(n: XNode): string {
  let out = "";
  const walk = (x: XNode) => {
    for (const c of x.children) {
      if (c.local === "rPh") continue;
      if (c.local === "t") out += c.text;
      else walk(c);
    }
  };
  walk(n);
  return out;
}

/** The notes of one sheet by cell address. */
export function notesOf(parts: Parts, sheet: string): Map<string, string> {
  const part = sheetParts(parts).get(sheet);
  if (!part) throw new Error(`no sheet ${sheet}`);
  const out = new Map<string, string>();
  for (const rel of relsOf(parts, part).filter((r) => r.type.endsWith("/comments"))) {
    const doc = parseXml(text(parts, rel.target));
    for (const c of descendants(doc, "comment")) out.set(c.attrs.ref, richText(kid(c, "text") as XNode));
  }
  return out;
}

/** Cells by address, positions of rows and cells without r= following the previous one (as Excel reads them). */
export function cellsOf(worksheet: XNode): Map<string, XNode> {
  const out = new Map<string, XNode>();
  let row = 0;
  for (const r of kids(kid(worksheet, "sheetData") as XNode, "row")) {
    row = r.attrs.r ? Number(r.attrs.r) : row + 1;
    let col = 0;
    for (const c of kids(r, "c")) {
      if (c.attrs.r) {
        const letters = /^[A-Z]+/.exec(c.attrs.r)?.[0] ?? "A";
        col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      } else col++;
      let name = "";
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
      out.set(`${name}${row}`, c);
    }
  }
  return out;
}

export interface CellFormat {
  s: number;
  fillRgb: string | undefined;
  numFmtId: string;
  xf: Record<string, string>;
  /** The xf's child elements (alignment, protection) as written. */
  xfChildren: string;
}

/** The formats of every cell element of a sheet, by address (parsing the sheet and styles once). */
export function sheetFormats(parts: Parts, sheet: string): { at: (address: string) => CellFormat; addresses: string[] } {
  const part = sheetParts(parts).get(sheet) as string;
  const cells = cellsOf(parseXml(text(parts, part)));
  const wbPart = relsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const stylesPart = relsOf(parts, wbPart).find((r) => r.type.endsWith("/styles"))?.target as string;
  const styles = parseXml(text(parts, stylesPart));
  const xfs = kids(kid(styles, "cellXfs") as XNode, "xf");
  const fills = kids(kid(styles, "fills") as XNode, "fill");
  const at = (address: string): CellFormat => {
    const s = Number(cells.get(address)?.attrs.s ?? 0);
    const xf = xfs[s];
    const fill = fills[Number(xf.attrs.fillId ?? 0)];
    const pattern = fill ? kid(fill, "patternFill") : undefined;
    const fg = pattern && pattern.attrs.patternType === "solid" ? kid(pattern, "fgColor") : undefined;
    return {
      s,
      fillRgb: fg?.attrs.rgb,
      numFmtId: xf.attrs.numFmtId ?? "0",
      xf: xf.attrs,
      xfChildren: JSON.stringify(xf.children.map((c) => [c.name, c.attrs])),
    };
  };
  return { at, addresses: [...cells.keys()] };
}

/** The format of a cell as Excel resolves it: its s= (0 when it has no element or no s). */
export function cellFormat(parts: Parts, sheet: string, address: string): CellFormat {
  return sheetFormats(parts, sheet).at(address);
}

/**
 * A strict open: every .xml/.rels part parses (namespace-aware), every internal relationship target exists, every
 * part has a content type. Returns the problems found ([] = opens).
 */
export function strictOpen(data: Uint8Array): string[] {
  const problems: string[] = [];
  let parts: Parts;
  try {
    parts = unzip(data);
  } catch (e) {
    return [`zip: ${String(e)}`];
  }
  const lower = new Set([...parts.keys()].map((k) => k.toLowerCase()));
  for (const name of parts.keys()) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    try {
      parseXml(text(parts, name), name);
    } catch (e) {
      problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let defaults = new Set<string>();
  let overrides = new Set<string>();
  try {
    const ct = parseXml(text(parts, "[Content_Types].xml"));
    defaults = new Set(kids(ct, "Default").map((d) => d.attrs.Extension.toLowerCase()));
    overrides = new Set(kids(ct, "Override").map((o) => o.attrs.PartName.replace(/^\//, "").toLowerCase()));
  } catch (e) {
    problems.push(`[Content_Types].xml: ${String(e)}`);
  }
  for (const name of parts.keys()) {
    if (name.endsWith("/") || name === "[Content_Types].xml") continue;
    const ext = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(name.toLowerCase()) && !defaults.has(ext)) problems.push(`${name}: no content type`);
    if (!/\.rels$/i.test(name)) continue;
    const slash = name.lastIndexOf("/_rels/");
    const source = slash < 0 ? name.replace(/^_rels\/(.*)\.rels$/, "$1") : name.slice(0, slash + 1) + name.slice(slash + 7, -5);
    try {
      for (const r of kids(parseXml(text(parts, name)), "Relationship")) {
        if (r.attrs.TargetMode === "External") continue;
        const target = resolve(source, r.attrs.Target);
        if (!lower.has(target.toLowerCase())) problems.push(`${name}: ${r.attrs.Id} → ${target} is missing`);
      }
    } catch {
      // reported above
    }
  }
  return problems;
}
