/**
 * The workbook's zip as a package of parts for patching: entries kept in their order, and written back so that only
 * the parts that were replaced or added change. Every other entry is copied as it is stored — its compressed bytes,
 * CRC and time — never inflated or compressed again: byte-identical in the zip itself, and an embedded video or a
 * bomb of a picture costs no memory or time. The parts that are read (rels, content types, the workbook, the marked
 * sheets, styles, notes and their drawings) are inflated through the reader's zip (src/xlsx/zip.ts), within its
 * bounds. Part names are matched case-insensitively, as Excel does; relationship targets are resolved the OPC way
 * (relative to the source part, or absolute from the root).
 */
import { deflateSync } from "fflate";
import { fflateInflate } from "../fflate-inflate";
import { DEFAULT_LIMITS, type ReadLimits } from "../limits";
import { WorkbookReadError } from "../read-error";
import { ZipArchive, type Inflaters, type ZipEntry } from "../zip";
import { crc32 } from "./crc32";
import { XmlPatchError, attr, children, decodeXml, escapeAttr, nextTag, rootTag } from "./xml-lex";

export class PackageError extends Error {}

interface Entry {
  name: string;
  /** The entry in the input, copied as stored unless `data` replaces it. */
  source?: ZipEntry;
  /** The part's new bytes (replaced or added). */
  data?: Uint8Array;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder("latin1");
const encoder = new TextEncoder();

/** What a read failure of the reader says, in English (the annotator's messages are). */
function readFailure(e: unknown): PackageError {
  const message = e instanceof Error ? e.message : String(e);
  return new PackageError(e instanceof WorkbookReadError ? (message.split(" / ").pop() ?? message) : message);
}

export class Package {
  private readonly zip: ZipArchive;
  private readonly entries: Entry[] = [];
  private readonly byLower = new Map<string, Entry>();
  /** Inflated parts already read. */
  private readonly inflated = new Map<Entry, Uint8Array>();

  constructor(data: Uint8Array, inflaters: Inflaters = { stream: fflateInflate }, limits: ReadLimits = DEFAULT_LIMITS) {
    try {
      this.zip = new ZipArchive(data, "workbook", limits, inflaters);
    } catch (e) {
      throw new PackageError(`not a readable zip (${readFailure(e).message})`);
    }
    for (const source of this.zip.entries()) {
      const lower = source.name.toLowerCase();
      if (this.byLower.has(lower)) throw new PackageError(`the zip holds "${source.name}" twice`);
      const entry: Entry = { name: source.name, source };
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
    const entry = this.byLower.get(name.toLowerCase());
    if (!entry) return undefined;
    if (entry.data) return entry.data;
    let bytes = this.inflated.get(entry);
    if (!bytes) {
      const source = entry.source as ZipEntry;
      try {
        this.zip.checkPartSize(source);
        bytes = this.zip.readBytes(source);
      } catch (e) {
        throw readFailure(e);
      }
      this.inflated.set(entry, bytes);
    }
    return bytes;
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

  /** A part's text read byte for character (windows-1252), for scanning ASCII in a part that is not rewritten. */
  looseText(name: string): string | undefined {
    const data = this.bytes(name);
    return data ? latin1.decode(data) : undefined;
  }

  /** Replace a part (same name, same place in the zip) or add one at the end. */
  put(name: string, text: string): void {
    const data = encoder.encode(text);
    const existing = this.byLower.get(name.toLowerCase());
    if (existing) {
      existing.data = data;
      this.inflated.delete(existing);
      return;
    }
    const entry: Entry = { name, data };
    this.entries.push(entry);
    this.byLower.set(name.toLowerCase(), entry);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /**
   * The zip, entries in their original order: untouched ones copied as stored, replaced and added ones deflated.
   * `deflateRaw` replaces fflate's compressor (the CLI passes Node's native zlib: several times faster on large sheets).
   */
  toZip(deflateRaw: (data: Uint8Array) => Uint8Array = (d) => deflateSync(d, { level: 6 })): Uint8Array {
    const written: ZipRecord[] = [];
    // A new part is dated like the workbook part's entry (the first one when none), so a copy made twice is the same.
    const dated = this.entries.find((e) => e.source && /workbook\.xml$/i.test(e.name))?.source ?? this.entries.find((e) => e.source)?.source;
    for (const e of this.entries) {
      if (e.data) {
        written.push({
          name: e.name,
          method: 8,
          crc32: crc32(e.data),
          size: e.data.length,
          stored: deflateRaw(e.data),
          dosTime: e.source?.dosTime ?? dated?.dosTime ?? 0,
          dosDate: e.source?.dosDate ?? dated?.dosDate ?? 0x21,
        });
      } else {
        const s = e.source as ZipEntry;
        let stored: Uint8Array;
        try {
          stored = this.zip.storedBytes(s);
        } catch (err) {
          throw readFailure(err);
        }
        written.push({ name: e.name, method: s.method, crc32: s.crc32, size: s.size, stored, dosTime: s.dosTime, dosDate: s.dosDate });
      }
    }
    return writeZip(written);
  }
}

interface ZipRecord {
  name: string;
  method: number;
  crc32: number;
  size: number;
  /** The bytes as they go in the zip (compressed unless method 0). */
  stored: Uint8Array;
  dosTime: number;
  dosDate: number;
}

/** Zip without zip64: the reader's bounds keep a workbook far below its 4 GB and 65,535 entries. */
const MAX32 = 0xffffffff;

function writeZip(records: readonly ZipRecord[]): Uint8Array {
  const names = records.map((r) => encoder.encode(r.name));
  let size = 22;
  records.forEach((r, i) => (size += 30 + 46 + 2 * names[i].length + r.stored.length));
  if (records.length > 0xffff || size > MAX32) throw new PackageError("the annotated copy would need zip64, which is not written");
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  /** What local and central headers share, from "version needed" on (26 bytes), at `p`. */
  const common = (p: number, r: ZipRecord, name: Uint8Array) => {
    v.setUint16(p, 20, true);
    // Bit 11: the name is UTF-8 (Chinese part names are). No data descriptor: sizes are known.
    v.setUint16(p + 2, name.some((b) => b > 0x7f) ? 0x0800 : 0, true);
    v.setUint16(p + 4, r.method, true);
    v.setUint16(p + 6, r.dosTime, true);
    v.setUint16(p + 8, r.dosDate, true);
    v.setUint32(p + 10, r.crc32, true);
    v.setUint32(p + 14, r.stored.length, true);
    v.setUint32(p + 18, r.size, true);
    v.setUint16(p + 22, name.length, true);
    // Extra field length (p + 24): none.
  };
  records.forEach((r, i) => {
    if (r.size > MAX32 || r.stored.length > MAX32) throw new PackageError(`${r.name} would need zip64, which is not written`);
    offsets.push(at);
    v.setUint32(at, 0x04034b50, true);
    common(at + 4, r, names[i]);
    at += 30;
    out.set(names[i], at);
    at += names[i].length;
    out.set(r.stored, at);
    at += r.stored.length;
  });
  const directory = at;
  records.forEach((r, i) => {
    v.setUint32(at, 0x02014b50, true);
    // Version made by, then the shared fields; comment length, disk, internal and external attributes stay 0.
    v.setUint16(at + 4, 20, true);
    common(at + 6, r, names[i]);
    v.setUint32(at + 42, offsets[i], true);
    at += 46;
    out.set(names[i], at);
    at += names[i].length;
  });
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, records.length, true);
  v.setUint16(at + 10, records.length, true);
  v.setUint32(at + 12, at - directory, true);
  v.setUint32(at + 16, directory, true);
  return out;
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
