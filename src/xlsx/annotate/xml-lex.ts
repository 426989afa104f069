/**
 * A minimal lexer over well-formed XML text that reports tag positions, so a part can be patched by splicing a few
 * strings into it while every other byte stays as it was. It skips comments, processing instructions and CDATA and
 * refuses a DOCTYPE (no producer of workbooks writes one; entity expansion is not something to support here).
 */

export class XmlPatchError extends Error {}

export interface Tag {
  kind: "open" | "close" | "empty";
  /** Qualified name as written, e.g. "x:row". */
  name: string;
  local: string;
  /** Namespace prefix as written ("" when none). */
  prefix: string;
  /** Index of "<". */
  start: number;
  /** Index just after ">". */
  end: number;
}

/** The next tag at or after `from`, or undefined at the end of the text. */
export function nextTag(xml: string, from: number): Tag | undefined {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return undefined;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) {
      i = skipPast(xml, "?>", lt + 2);
      continue;
    }
    if (c === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) i = skipPast(xml, "-->", lt + 4);
      else if (xml.startsWith("<![CDATA[", lt)) i = skipPast(xml, "]]>", lt + 9);
      else throw new XmlPatchError("DOCTYPE or unknown markup declaration");
      continue;
    }
    let j = lt + 1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const ch = xml.charCodeAt(j);
      if (quote !== 0) {
        if (ch === quote) quote = 0;
      } else if (ch === 0x22 || ch === 0x27) quote = ch;
      else if (ch === 0x3e /* > */) break;
    }
    if (j >= xml.length) throw new XmlPatchError("unterminated tag");
    const closing = c === 0x2f; /* / */
    const empty = !closing && xml.charCodeAt(j - 1) === 0x2f;
    const nameStart = closing ? lt + 2 : lt + 1;
    let k = nameStart;
    while (k < j && !isNameEnd(xml.charCodeAt(k))) k++;
    const name = xml.slice(nameStart, k);
    if (name === "") throw new XmlPatchError("tag without a name");
    const colon = name.indexOf(":");
    return {
      kind: closing ? "close" : empty ? "empty" : "open",
      name,
      local: colon < 0 ? name : name.slice(colon + 1),
      prefix: colon < 0 ? "" : name.slice(0, colon),
      start: lt,
      end: j + 1,
    };
  }
}

function skipPast(xml: string, marker: string, from: number): number {
  const e = xml.indexOf(marker, from);
  if (e < 0) throw new XmlPatchError(`unterminated ${marker === "-->" ? "comment" : marker === "?>" ? "processing instruction" : "CDATA"}`);
  return e + marker.length;
}

function isNameEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e;
}

/** The first element of the document (its root). */
export function rootTag(xml: string): Tag {
  const t = nextTag(xml, 0);
  if (!t || t.kind === "close") throw new XmlPatchError("no root element");
  return t;
}

/** Index just after the element that `open` starts (its close tag's end; `open.end` for an empty element). */
export function elementEnd(xml: string, open: Tag): number {
  if (open.kind === "empty") return open.end;
  let depth = 1;
  let t = nextTag(xml, open.end);
  while (t) {
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth === 0) return t.end;
    t = nextTag(xml, t.end);
  }
  throw new XmlPatchError(`<${open.name}> is not closed`);
}

/** Start of the close tag of an element (for inserting children at its end); only for kind "open". */
export function closeTagStart(xml: string, open: Tag): number {
  const end = elementEnd(xml, open);
  return xml.lastIndexOf("</", end - 1);
}

/** Direct children of an element, as open/empty tags with their end positions. */
export function children(xml: string, parent: Tag): { tag: Tag; end: number }[] {
  const out: { tag: Tag; end: number }[] = [];
  if (parent.kind === "empty") return out;
  let t = nextTag(xml, parent.end);
  while (t && t.kind !== "close") {
    const end = elementEnd(xml, t);
    out.push({ tag: t, end });
    t = nextTag(xml, end);
  }
  return out;
}

/** First direct child with this local name. */
export function child(xml: string, parent: Tag, local: string): { tag: Tag; end: number } | undefined {
  return children(xml, parent).find((c) => c.tag.local === local);
}

export interface Attr {
  name: string;
  /** Decoded value. */
  value: string;
  /** Position of the raw value between the quotes. */
  valueStart: number;
  valueEnd: number;
}

const ATTR_PATTERN = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function attrs(xml: string, tag: Tag): Attr[] {
  const text = xml.slice(tag.start, tag.end);
  const out: Attr[] = [];
  ATTR_PATTERN.lastIndex = tag.name.length + 1;
  for (let m = ATTR_PATTERN.exec(text); m; m = ATTR_PATTERN.exec(text)) {
    const raw = m[3] ?? m[4] ?? "";
    const valueStart = tag.start + m.index + m[0].length - raw.length - 1;
    out.push({ name: m[1], value: decodeXml(raw), valueStart, valueEnd: valueStart + raw.length });
  }
  return out;
}

export function attr(xml: string, tag: Tag, name: string): Attr | undefined {
  return attrs(xml, tag).find((a) => a.name === name);
}

/** An attribute by local name whatever its prefix (`r:id`, `ns2:id`), never an unprefixed one. */
export function prefixedAttr(xml: string, tag: Tag, local: string): Attr | undefined {
  return attrs(xml, tag).find((a) => a.name.endsWith(`:${local}`) && !a.name.startsWith("xmlns"));
}

/** The tag's text with one attribute set (replaced in place, or added before the tag's end). */
export function withAttr(tagText: string, name: string, value: string): string {
  const escaped = escapeAttr(value);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tagText)) return tagText.replace(re, (_m, head: string) => `${head}"${escaped}"`);
  const tail = tagText.endsWith("/>") ? 2 : 1;
  return `${tagText.slice(0, tagText.length - tail).replace(/\s+$/, "")} ${name}="${escaped}"${tagText.slice(tagText.length - tail)}`;
}

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e] as string;
  });
}

/** Characters XML 1.0 cannot carry are written the way Excel writes them in text: _xHHHH_. */
function xmlSafe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

export function escapeText(s: string): string {
  return xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

/** The namespace URI bound to `prefix` ("" = default namespace) on the root element, if declared there. */
export function rootNamespace(xml: string, root: Tag, prefix: string): string | undefined {
  return attr(xml, root, prefix === "" ? "xmlns" : `xmlns:${prefix}`)?.value;
}

/** The prefix the root binds to `uri` ("" for the default namespace), if any. */
export function prefixFor(xml: string, root: Tag, uri: string): string | undefined {
  for (const a of attrs(xml, root)) {
    if (a.value !== uri) continue;
    if (a.name === "xmlns") return "";
    if (a.name.startsWith("xmlns:")) return a.name.slice(6);
  }
  return undefined;
}

/** Text edits applied at once: each replaces [start, end) with text; edits must not overlap. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(xml: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return xml;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new XmlPatchError("overlapping edits");
    parts.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join("");
}
