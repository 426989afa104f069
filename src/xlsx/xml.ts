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
 * Parses one part, streaming. `where` names it in messages (part name, and sheet name for sheets). Malformed XML is
 * "broken-part"; a handler may throw its own WorkbookReadError, which passes through.
 */
export function parsePart(
  zip: ZipArchive,
  entry: ZipEntry,
  file: string,
  limits: ReadLimits,
  where: string,
  handlers: XmlHandlers,
): void {
  zip.checkPartSize(entry);
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("opentag", handlers.open);
  parser.on("closetag", handlers.close);
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  let decoder: TextDecoder | undefined;
  let sinceTag = 0;
  const feed = (text: string) => {
    const lt = text.lastIndexOf("<");
    sinceTag = lt < 0 ? sinceTag + text.length : text.length - lt;
    if (sinceTag > limits.maxStringLength)
      throw new WorkbookReadError(file, "too-large", `${where}: ${sinceTag} characters without a tag`, `${where}：文本过长 / text too long`);
    parser.write(text);
  };
  try {
    zip.stream(entry, (chunk) => {
      decoder ??= new TextDecoder(encodingOf(chunk));
      feed(decoder.decode(chunk, { stream: true }));
    });
    if (decoder) feed(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw new WorkbookReadError(file, "broken-part", e instanceof Error ? e.message : String(e), where);
  }
}

/** UTF-16 parts start with their byte-order mark; everything else is UTF-8 (its BOM, if any, is dropped). */
function encodingOf(first: Uint8Array): string {
  if (first[0] === 0xff && first[1] === 0xfe) return "utf-16le";
  if (first[0] === 0xfe && first[1] === 0xff) return "utf-16be";
  return "utf-8";
}
