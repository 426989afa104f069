/**
 * Streaming, namespace-aware XML for the parts of an .xlsx: inflated chunks → UTF-8/16 decoding → saxes. Elements are
 * matched by namespace URI and local name, so `<x:c>` (Open XML SDK), `<c>` (Excel) and strict-OOXML documents read
 * alike. A part is never held whole as a string, and no run of text between two tags may exceed the string bound
 * (that is what saxes buffers), so a part of a billion spaces cannot grow the heap.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import type { ReadLimits } from "./limits";
import { WorkbookReadError } from "./read-error";
import type { ZipArchive, ZipEntry } from "./zip";

/** SpreadsheetML main namespace: transitional (what everyone writes) and strict (Excel's "Strict Open XML"). */
const MAIN_TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export type Tag = SaxesTagNS;

export interface XmlHandlers {
  open(tag: Tag): void;
  close(tag: Tag): void;
  text?(text: string): void;
}

/** An attribute by local name, whatever its prefix (`r:id`, `id`); `prefixed` asks for a namespaced one only. */
export function attr(tag: Tag, local: string, prefixed = false): string | undefined {
  const direct = tag.attributes[local] as SaxesAttributeNS | undefined;
  if (direct && !prefixed) return direct.value;
  for (const key in tag.attributes) {
    const a = tag.attributes[key] as SaxesAttributeNS;
    if (a.local === local && (!prefixed || a.uri !== "")) return a.value;
  }
  return undefined;
}

/** Called for every tag: two string compares (saxes hands out the same interned URI string), not a Set lookup. */
export function isMain(tag: Tag): boolean {
  const uri = tag.uri;
  return uri === MAIN_TRANSITIONAL || uri === MAIN_STRICT;
}

/**
 * A hand-off of one element's content to a scanner made for it (the cells of `<sheetData>`, src/xlsx/sheet-data.ts):
 * saxes reads the part up to and including the element's start tag and from its end tag on, the scanner what lies
 * between. Taken only when saxes has just opened that element, unprefixed, in the main namespace, in a part with no
 * DOCTYPE; otherwise saxes reads everything, as it does for every other part.
 */
export interface BodyHandoff {
  /** Local name of the element whose content is handed off. */
  element: string;
  /** The scanner, given the parser to resolve prefixes declared around the element. */
  start(resolve: (prefix: string) => string | undefined): BodyScanner;
}

export interface BodyScanner {
  /**
   * The next decoded text of the part. Returns null while the content goes on, or, once it has met the element's end
   * tag, the text from that end tag on (for saxes). May throw `FastPathUnsupported` (the caller re-reads the part with
   * saxes alone) or a WorkbookReadError.
   */
  write(text: string): string | null;
}

/** Thrown by a body scanner that met something it does not read itself: the part is read again by saxes alone. */
export class FastPathUnsupported extends Error {
  constructor(what: string) {
    super(`fast path: ${what}`);
  }
}

/**
 * Parses one part, streaming. `where` names it in messages (part name, and sheet name for sheets). Malformed XML is
 * "broken-part"; a handler may throw its own WorkbookReadError, which passes through, as does FastPathUnsupported.
 */
export function parsePart(
  zip: ZipArchive,
  entry: ZipEntry,
  file: string,
  limits: ReadLimits,
  where: string,
  handlers: XmlHandlers,
  handoff?: BodyHandoff,
): void {
  zip.checkPartSize(entry);
  const feeder = new XmlFeeder(file, limits, where, handlers, handoff);
  try {
    let decoder: TextDecoder | undefined;
    zip.stream(entry, (chunk) => {
      decoder ??= new TextDecoder(encodingOf(chunk));
      feeder.write(decoder.decode(chunk, { stream: true }));
    });
    if (decoder) feeder.write(decoder.decode());
    feeder.end();
  } catch (e) {
    if (e instanceof WorkbookReadError || e instanceof FastPathUnsupported) throw e;
    throw new WorkbookReadError(file, "broken-part", e instanceof Error ? e.message : String(e), where);
  }
}

const enum Mode {
  /** saxes reads; looking for the hand-off element's start tag. */
  Before,
  /** The body scanner reads. */
  Body,
  /** saxes reads everything left. */
  Saxes,
}

/** Decoded text of one part → saxes, with the optional hand-off of one element's content. Exported for its tests. */
export class XmlFeeder {
  private readonly parser = new SaxesParser({ xmlns: true, position: false });
  private mode: Mode;
  /** Text held back while looking for the hand-off tag (it may straddle two chunks). */
  private held = "";
  private lastOpen: Tag | undefined;
  private scanner: BodyScanner | undefined;
  private sinceTag = 0;

  constructor(
    private readonly file: string,
    private readonly limits: ReadLimits,
    private readonly where: string,
    handlers: XmlHandlers,
    private readonly handoff?: BodyHandoff,
  ) {
    this.mode = handoff ? Mode.Before : Mode.Saxes;
    this.parser.on(
      "opentag",
      handoff
        ? (tag) => {
            this.lastOpen = tag;
            handlers.open(tag);
          }
        : handlers.open,
    );
    this.parser.on("closetag", handlers.close);
    if (handlers.text) {
      this.parser.on("text", handlers.text);
      this.parser.on("cdata", handlers.text);
    }
  }

  write(text: string): void {
    switch (this.mode) {
      case Mode.Saxes:
        return this.feed(text);
      case Mode.Body: {
        const rest = this.scanner!.write(text);
        if (rest !== null) {
          this.mode = Mode.Saxes;
          this.sinceTag = 0;
          this.feed(rest);
        }
        return;
      }
      case Mode.Before:
        return this.before(this.held + text);
    }
  }

  end(): void {
    if (this.mode === Mode.Before && this.held) this.feed(this.held);
    this.held = "";
    this.parser.close();
  }

  private before(text: string): void {
    const { element } = this.handoff!;
    this.held = "";
    if (text.includes("<!DOCTYPE")) {
      // Entities a DTD declares are saxes' business alone.
      this.mode = Mode.Saxes;
      return this.feed(text);
    }
    const at = findStartTag(text, element);
    if (at < 0) {
      // Hold back a possible start of the tag; saxes itself streams across any split.
      const keep = Math.min(text.length, element.length + 1);
      const lt = text.lastIndexOf("<", text.length - 1);
      const from = lt >= 0 && lt >= text.length - keep ? lt : text.length;
      this.held = text.slice(from);
      return this.feed(text.slice(0, from));
    }
    const gt = text.indexOf(">", at);
    if (gt < 0) {
      if (text.length - at > this.limits.maxStringLength)
        throw new WorkbookReadError(this.file, "too-large", `${this.where}: <${element}> tag over ${this.limits.maxStringLength} characters`, `${this.where}：文本过长 / text too long`);
      this.held = text.slice(at);
      return this.feed(text.slice(0, at));
    }
    this.lastOpen = undefined;
    this.feed(text.slice(0, gt + 1));
    const opened = this.lastOpen as Tag | undefined;
    const rest = text.slice(gt + 1);
    if (opened && opened.local === element && opened.prefix === "" && isMain(opened) && !opened.isSelfClosing) {
      this.mode = Mode.Body;
      this.scanner = this.handoff!.start((prefix) => this.parser.resolve(prefix));
      return this.write(rest);
    }
    // Not the element after all (self-closing, in a comment, another namespace): saxes reads on.
    this.mode = Mode.Saxes;
    this.feed(rest);
  }

  private feed(text: string): void {
    if (!text) return;
    const lt = text.lastIndexOf("<");
    this.sinceTag = lt < 0 ? this.sinceTag + text.length : text.length - lt;
    if (this.sinceTag > this.limits.maxStringLength)
      throw new WorkbookReadError(this.file, "too-large", `${this.where}: ${this.sinceTag} characters without a tag`, `${this.where}：文本过长 / text too long`);
    this.parser.write(text);
  }
}

/** Where `<name` starts a tag of that exact name (followed by white space, `>` or `/`), or -1. */
function findStartTag(text: string, name: string): number {
  const needle = "<" + name;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const next = text.charCodeAt(at + needle.length);
    if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) return at;
    if (Number.isNaN(next)) return -1;
  }
  return -1;
}

/** UTF-16 parts start with their byte-order mark; everything else is UTF-8 (its BOM, if any, is dropped). */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return "utf-16le";
  if (first[0] === 0xfe && first[1] === 0xff) return "utf-16be";
  return "utf-8";
}
