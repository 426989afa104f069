/**
 * .xlsx bytes → GridWorkbook, for the CLI and the browser preview alike (no Node APIs here). Recognises what it must
 * refuse before reading anything (encrypted or .xls containers, .xlsb, .ods, not a zip) and refuses a missing or broken
 * part instead of reading the rest: a partial read would check a workbook that is not the one the user has.
 *
 * It is given its inflaters (src/xlsx/zip.ts): readXlsxBytes (read-bytes.ts) is this with fflate's for the browser,
 * readXlsxFile (read-file.ts) with Node's.
 */
import type { GridSheet, GridWorkbook } from "../core/grid";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { readRels, readSharedStrings, readStyles, readWorkbookPart, type Ctx } from "./parts";
import { WorkbookReadError } from "./read-error";
import { readSheet, type SheetDataPath } from "./sheet";
import { ZipArchive, type RawInflate, type StreamInflate } from "./zip";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sheet-like parts that hold no cells: skipped, as the checker has nothing to read in them. */
const CELLLESS_SHEETS = new Set(["chartsheet", "dialogsheet", "macrosheet", "xlMacrosheet", "xlIntlMacrosheet"]);

export interface ReadOptions {
  /** How cells are parsed (src/xlsx/sheet.ts): the result is the same either way, which tests check. */
  sheetData?: SheetDataPath;
  /** The host's native inflater (src/xlsx/read-file.ts gives Node's); without, every deflated part streams. */
  inflateRaw?: RawInflate;
  /** The streaming inflater, for the parts the native one does not take (all of them without one). */
  inflateStream?: StreamInflate;
}

export function readXlsxWith(data: Uint8Array, name: string, limits: ReadLimits = DEFAULT_LIMITS, options: ReadOptions = {}): GridWorkbook {
  if (data.length === 0) throw new WorkbookReadError(name, "empty");
  if (CFB_MAGIC.every((b, i) => data[i] === b)) throw new WorkbookReadError(name, cfbKind(data));
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new WorkbookReadError(name, "not-zip");
  const zip = new ZipArchive(data, name, limits, { raw: options.inflateRaw, stream: options.inflateStream });
  const ctx: Ctx = { zip, file: name, limits };

  const mimetype = zip.get("mimetype");
  if (mimetype && mimetype.size < 200 && new TextDecoder().decode(zip.readBytes(mimetype)).startsWith("application/vnd.oasis.opendocument"))
    throw new WorkbookReadError(name, "ods");

  const rootRel = readRels(ctx, "").find((r) => r.kind === "officeDocument" && !r.external);
  const workbookName = rootRel?.target ?? "xl/workbook.xml";
  if (/\.bin$/i.test(workbookName) || zip.get("xl/workbook.bin")) throw new WorkbookReadError(name, "xlsb");
  const workbookEntry = zip.get(workbookName);
  if (!workbookEntry) {
    if (rootRel) throw new WorkbookReadError(name, "missing-part", `no ${workbookName}`, workbookName);
    throw new WorkbookReadError(name, "not-xlsx");
  }
  const workbook = readWorkbookPart(ctx, workbookEntry);
  if (!workbook.isWorkbook) throw new WorkbookReadError(name, "not-xlsx");
  if (workbook.sheets.length === 0) throw new WorkbookReadError(name, "no-sheets");

  const rels = readRels(ctx, workbookEntry.name);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const partOf = (kind: string, fallback: string) => {
    const rel = rels.find((r) => r.kind === kind && !r.external);
    return { named: rel?.target ?? null, entry: zip.get(rel?.target ?? fallback) };
  };
  const styles = partOf("styles", "xl/styles.xml");
  const formats = readStyles(ctx, styles.entry);
  const strings = partOf("sharedStrings", "xl/sharedStrings.xml");
  let shared: string[] | undefined;
  const sharedStrings = () => {
    if (shared) return shared;
    if (!strings.entry) {
      const part = strings.named ?? "xl/sharedStrings.xml";
      throw new WorkbookReadError(name, "missing-part", `no ${part}`, part);
    }
    return (shared = readSharedStrings(ctx, strings.entry));
  };

  const cellBudget = { used: 0 };
  const sheets: GridSheet[] = [];
  for (const ref of workbook.sheets) {
    const rel = relById.get(ref.relId);
    if (!rel || rel.external) throw new WorkbookReadError(name, "missing-part", `sheet ${ref.name}: no relationship ${ref.relId}`, `工作表 / sheet ${ref.name}`);
    if (CELLLESS_SHEETS.has(rel.kind)) continue;
    const entry = zip.get(rel.target);
    if (!entry) throw new WorkbookReadError(name, "missing-part", `sheet ${ref.name}: no ${rel.target}`, `${rel.target}（${ref.name}）`);
    const sheet = readSheet(ctx, { name: ref.name, entry, formats, sharedStrings, date1904: workbook.date1904, cellBudget }, options.sheetData);
    if (ref.state !== "visible") sheet.state = ref.state;
    sheets.push(sheet);
  }
  if (sheets.length === 0) throw new WorkbookReadError(name, "no-sheets");
  return { name, sheets };
}

/**
 * Whether reading `data` with this native inflater (or none) streams some part, so a streaming inflater must be given.
 * False for bytes that are no readable zip: the read itself then says why.
 */
export function streamsAPart(data: Uint8Array, name: string, limits: ReadLimits = DEFAULT_LIMITS, inflateRaw?: RawInflate): boolean {
  try {
    return new ZipArchive(data, name, limits, { raw: inflateRaw }).streamsAPart();
  } catch {
    return false;
  }
}

/**
 * A Compound File container is either an encrypted OOXML package (streams EncryptionInfo/EncryptedPackage) or a legacy
 * .xls (stream Workbook or Book); directory entry names are UTF-16LE.
 */
function cfbKind(data: Uint8Array): "encrypted" | "xls" {
  const has = (s: string) => indexOfUtf16(data, s) >= 0;
  if (has("EncryptionInfo") || has("EncryptedPackage")) return "encrypted";
  if (has("Workbook") || has("Book")) return "xls";
  return "encrypted";
}

function indexOfUtf16(data: Uint8Array, s: string): number {
  const n = s.length * 2;
  outer: for (let i = 0; i + n <= data.length; i++) {
    for (let k = 0; k < s.length; k++) {
      if (data[i + 2 * k] !== s.charCodeAt(k) || data[i + 2 * k + 1] !== 0) continue outer;
    }
    return i;
  }
  return -1;
}
