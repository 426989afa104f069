/**
 * The workbook's zip as a package of parts for patching: entries kept in their order with their bytes, so writing
 * it back changes only the parts that were replaced or added. Part names are matched case-insensitively, as Excel
 * does; relationship targets are resolved the OPC way (relative to the source part, or absolute from the root).
 */
import { Zip, ZipDeflate, ZipPassThrough, unzipSync } from "fflate";
import { XmlPatchError, attr, children, decodeXml, escapeAttr, nextTag, rootTag } from "./xml-lex";

export class PackageError extends Error {}

interface Entry {
  name: string;
  data: Uint8Array;
  /** 0 = stored, 8 = deflated, as in the input (media stay stored if they were). */
  compression: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

export class Package {
  private readonly entries: Entry[] = [];
  private readonly byLower = new Map<string, Entry>();

  constructor(data: Uint8Array) {
    const seen: { name: string; compression: number }[] = [];
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(data, {
        filter: (f) => {
          seen.push({ name: f.name, compression: f.compression });
          return true;
        },
      });
    } catch (e) {
      throw new PackageError(`not a readable zip (${e instanceof Error ? e.message : String(e)})`);
    }
    for (const { name, compression } of seen) {
      const lower = name.toLowerCase();
      if (this.byLower.has(lower)) throw new PackageError(`the zip holds "${name}" twice`);
      const entry: Entry = { name, data: files[name], compression };
      this.entries.push(entry);
      this.byLower.set(lower, entry);
    }
  }

  /** The exact stored name of a part ("xl/worksheets/sheet1.xml", no leading slash), case-insensitively. */
  find(name: string): string | undefined {
    return this.byLower.get(name.toLowerCase())?.name;
  }

  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }

  bytes(name: string): Uint8Array | undefined {
    return this.byLower.get(name.toLowerCase())?.data;
  }

  /** A part's text; UTF-8 only (every producer we know writes UTF-8; UTF-16 parts are refused, not guessed). */
  text(name: string): string | undefined {
    const data = this.bytes(name);
    if (!data) return undefined;
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))
      throw new PackageError(`${name} is UTF-16, which annotating does not support`);
    try {
      return utf8.decode(data);
    } catch {
      throw new PackageError(`${name} is not valid UTF-8`);
    }
  }

  /** Replace a part (same name, same place in the zip) or add one at the end. */
  put(name: string, text: string): void {
    const data = encoder.encode(text);
    const existing = this.byLower.get(name.toLowerCase());
    if (existing) {
      existing.data = data;
      if (existing.compression === 0) existing.compression = 8;
      return;
    }
    const entry: Entry = { name, data, compression: 8 };
    this.entries.push(entry);
    this.byLower.set(name.toLowerCase(), entry);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /**
   * The zip, entries in their original order: untouched parts carry their original uncompressed bytes. `deflateRaw`
   * replaces fflate's compressor (the CLI passes Node's native zlib: several times faster on large sheets).
   */
  toZip(deflateRaw?: (data: Uint8Array) => Uint8Array): Uint8Array {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) failure = err;
      else chunks.push(chunk);
    });
    for (const e of this.entries) {
      const file =
        e.compression === 0
          ? new ZipPassThrough(e.name)
          : deflateRaw
            ? new CustomDeflate(e.name, deflateRaw)
            : new ZipDeflate(e.name, { level: 6 });
      zip.add(file);
      file.push(e.data, true);
    }
    zip.end();
    if (failure) throw failure;
    let size = 0;
    for (const c of chunks) size += c.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** fflate's documented extension point: a pass-through whose output is compressed by another deflate. */
class CustomDeflate extends ZipPassThrough {
  constructor(
    name: string,
    private readonly deflateRaw: (data: Uint8Array) => Uint8Array,
  ) {
    super(name);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    const out = this.deflateRaw(chunk);
    // Node's Buffers are views of plain ArrayBuffers; the typings only allow for shared ones.
    this.ondata(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.byteLength), final);
  }
}

// ---- relationships ---------------------------------------------------------------------------------------------

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target as a part name: relative to the source part's folder, or from the root when it starts with "/". */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray "%" is a literal character in the name.
  }
  const base = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** `from` → `to` as a relative target (both part names), the way Excel writes them ("../comments1.xml"). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export function parseRels(xml: string): Relationship[] {
  const root = rootTag(xml);
  return children(xml, root)
    .filter((c) => c.tag.local === "Relationship")
    .map(({ tag }) => ({
      id: attr(xml, tag, "Id")?.value ?? "",
      type: attr(xml, tag, "Type")?.value ?? "",
      target: attr(xml, tag, "Target")?.value ?? "",
      external: (attr(xml, tag, "TargetMode")?.value ?? "").toLowerCase() === "external",
    }));
}

/** Relationship type by its last segment, so transitional and strict (purl.oclc.org) namespaces both match. */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1).toLowerCase() === kind.toLowerCase();
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_BASE_TRANSITIONAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const REL_BASE_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/** Relationships of one part, with additions written back by `commit`. */
export class RelsEditor {
  readonly path: string;
  private xml: string | undefined;
  readonly rels: Relationship[];
  private added: Relationship[] = [];

  constructor(
    private readonly pkg: Package,
    readonly sourcePart: string,
  ) {
    this.path = pkg.find(relsPathFor(sourcePart)) ?? relsPathFor(sourcePart);
    this.xml = pkg.text(this.path);
    this.rels = this.xml !== undefined ? parseRels(this.xml) : [];
  }

  /** Part names of the internal targets of one relationship type. */
  targets(kind: string): { rel: Relationship; part: string }[] {
    return this.rels
      .filter((r) => !r.external && isType(r, kind))
      .map((rel) => ({ rel, part: resolveTarget(this.sourcePart, rel.target) }));
  }

  byId(id: string): Relationship | undefined {
    return this.rels.find((r) => r.id === id);
  }

  /** Adds a relationship (type in the same namespace family as the package uses) and returns its id. */
  add(kind: string, targetPart: string, strict: boolean): string {
    const used = new Set([...this.rels, ...this.added].map((r) => r.id));
    let n = 1;
    while (used.has(`rId${n}`)) n++;
    const rel: Relationship = {
      id: `rId${n}`,
      type: (strict ? REL_BASE_STRICT : REL_BASE_TRANSITIONAL) + kind,
      target: relativeTarget(this.sourcePart, targetPart),
      external: false,
    };
    this.added.push(rel);
    return rel.id;
  }

  /** Writes the additions; "created" when the relationships part did not exist before. */
  commit(): "unchanged" | "updated" | "created" {
    if (this.added.length === 0) return "unchanged";
    const created = this.xml === undefined;
    const lines = this.added
      .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`)
      .join("");
    if (this.xml === undefined) {
      this.pkg.put(
        this.path,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${lines}</Relationships>`,
      );
    } else {
      this.pkg.put(this.path, appendToRoot(this.xml, lines));
    }
    this.rels.push(...this.added);
    this.added = [];
    this.xml = this.pkg.text(this.path);
    return created ? "created" : "updated";
  }
}

/** Whether the package's relationships use the strict (ISO 29500 strict) namespace. */
export function usesStrictRels(rels: readonly Relationship[]): boolean {
  return rels.some((r) => r.type.startsWith(REL_BASE_STRICT));
}

/** Inserts `inner` at the end of the root element's content (an empty root `<x/>` is opened up). */
export function appendToRoot(xml: string, inner: string): string {
  const root = rootTag(xml);
  if (root.kind === "empty") {
    const open = xml.slice(root.start, root.end - 2).replace(/\s+$/, "") + ">";
    return xml.slice(0, root.start) + open + inner + `</${root.name}>` + xml.slice(root.end);
  }
  const close = xml.lastIndexOf(`</${root.name}`);
  if (close < 0) throw new XmlPatchError(`<${root.name}> is not closed`);
  return xml.slice(0, close) + inner + xml.slice(close);
}

// ---- content types ---------------------------------------------------------------------------------------------

export class ContentTypes {
  private readonly path: string;
  private xml: string;
  /** Declared types by extension and by part name (both lower case). */
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();
  private additions: string[] = [];

  constructor(private readonly pkg: Package) {
    const p = pkg.find("[Content_Types].xml");
    if (!p) throw new PackageError("[Content_Types].xml is missing");
    this.path = p;
    this.xml = pkg.text(p) as string;
    const root = rootTag(this.xml);
    for (let t = nextTag(this.xml, root.end); t; t = nextTag(this.xml, t.end)) {
      if (t.kind === "close") continue;
      const type = decodeXml(attr(this.xml, t, "ContentType")?.value ?? "");
      if (t.local === "Default") this.defaults.set((attr(this.xml, t, "Extension")?.value ?? "").toLowerCase(), type);
      if (t.local === "Override")
        this.overrides.set(decodeXml(attr(this.xml, t, "PartName")?.value ?? "").replace(/^\//, "").toLowerCase(), type);
    }
  }

  /** The content type declared for a part: its own, else its extension's. */
  typeOf(part: string): string | undefined {
    const name = part.toLowerCase();
    return this.overrides.get(name) ?? this.defaults.get(name.slice(name.lastIndexOf(".") + 1));
  }

  /** Declares a part's type unless its name or extension already has one. */
  ensurePart(part: string, contentType: string): void {
    if (this.overrides.has(part.toLowerCase())) return;
    this.overrides.set(part.toLowerCase(), contentType);
    this.additions.push(`<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`);
  }

  ensureDefault(extension: string, contentType: string): void {
    if (this.defaults.has(extension.toLowerCase())) return;
    this.defaults.set(extension.toLowerCase(), contentType);
    // Defaults come first in Excel's own files; order does not matter to readers, but keep the convention.
    this.additions.unshift(`<Default Extension="${escapeAttr(extension)}" ContentType="${escapeAttr(contentType)}"/>`);
  }

  commit(): void {
    if (this.additions.length === 0) return;
    this.xml = appendToRoot(this.xml, this.additions.join(""));
    this.additions = [];
    this.pkg.put(this.path, this.xml);
  }
}

/** A part name not yet in the package: `xl/comments{n}.xml` with the first free n. */
export function freePartName(pkg: Package, pattern: (n: number) => string): string {
  let n = 1;
  while (pkg.has(pattern(n))) n++;
  return pattern(n);
}
