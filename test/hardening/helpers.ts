/**
 * Shared by the hardening tests: a small consistent workbook, both check paths (core on the grid; CLI through .xlsx
 * bytes), runCheck on a real file with captured output, and raw .xlsx parts for files exceljs cannot write.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateWorkbook } from "../../bench/generate";
import { readXlsxBuffer } from "../../src/cli/xlsx-grid";
import { gridToXlsx } from "../helpers/grid-to-xlsx";
import { runCheck } from "../../src/cli/run-check";
import { getCatalogueSync } from "../../src/core/catalogue/sync";
import { checkWorkbook } from "../../src/core/engine";
import type { CheckResult, Finding } from "../../src/core/finding";
import type { GridSheet, GridWorkbook } from "../../src/core/grid";
import { isErrorValue } from "../../src/core/grid";
import { toA1 } from "../../src/core/address";
import { makeZip } from "../helpers/zip";
import { a1 } from "../../src/core/finding";

/** The nine Hebei-layout tables of one generated unit (~230 rows): every identity holds. */
export function baseWorkbook(): GridWorkbook {
  return structuredClone(BASE);
}
const BASE = generateWorkbook(100);

export const catalogue = getCatalogueSync();

/** The core path: CheckSession via checkWorkbook, with the catalogue as the CLI passes it. */
export function checkCore(wb: GridWorkbook): CheckResult {
  return checkWorkbook(structuredClone(wb), { catalogue });
}

/** The CLI path: the grid written as .xlsx, read back by the CLI's reader, then checked. */
export async function checkViaXlsx(wb: GridWorkbook): Promise<CheckResult> {
  const bytes = await gridToXlsx(wb);
  return checkWorkbook(await readXlsxBuffer(bytes, "input.xlsx"), { catalogue });
}

/** Both paths, for tests that assert the same thing of each. */
export async function bothPaths(wb: GridWorkbook): Promise<Array<[string, CheckResult]>> {
  return [
    ["core", checkCore(wb)],
    ["cli", await checkViaXlsx(wb)],
  ];
}

export const notInfo = (r: CheckResult): Finding[] => r.findings.filter((f) => f.severity !== "info");

export function findingsAt(r: CheckResult, sheet: string, address: string): Finding[] {
  return r.findings.filter((f) => f.cells.some((c) => c.sheet === sheet && a1(c) === address));
}

/** First cell of the finding is that cell. */
export function firstCellIs(f: Finding, sheet: string, address: string): boolean {
  return f.cells[0]?.sheet === sheet && (f.cells[0] ? a1(f.cells[0]) : undefined) === address;
}

export function tmpDir(prefix = "hardening-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI (real reader, real checker, catalogue), output captured. */
export async function runCli(argv: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCheck(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    debug: false,
  });
  return { code, stdout, stderr };
}

// ---------------------------------------------------------------------------------------------------------------
// Raw .xlsx parts, for sheets exceljs would not write as we need them (a million formatted empty rows).

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
/** Style 1 is the amount format #,##0.00 with a fill: a "formatted" cell or row. */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/></cellXfs></styleSheet>`;

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const xmlAttr = (s: string) => xmlText(s).replace(/"/g, "&quot;");

function cellXml(sheet: GridSheet, r: number, c: number): string {
  const v = sheet.values[r]?.[c] ?? null;
  if (v === null) return "";
  const ref = toA1(r, c);
  const style = sheet.numberFormats?.[r]?.[c] ? ' s="1"' : "";
  if (typeof v === "number") return `<c r="${ref}"${style}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (isErrorValue(v)) return `<c r="${ref}" t="e"><v>${xmlText(v.error)}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

/**
 * One sheet as a raw .xlsx: its cells (numbers with the amount style), its merges, then `formattedRows` formatted
 * empty rows below it, so the used range Excel reports reaches row `formattedRows` while no cell below holds a value.
 */
export function sheetWithFormattedRows(sheet: GridSheet, formattedRows: number): Buffer {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z${formattedRows}"/><sheetData>`,
  ];
  const rows = sheet.rowCount ?? sheet.values.length;
  const width = sheet.colCount ?? Math.max(0, ...sheet.values.map((r) => r?.length ?? 0));
  for (let r = 0; r < rows; r++) {
    let cells = "";
    for (let c = 0; c < width; c++) cells += cellXml(sheet, r, c);
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  }
  for (let r = rows + 1; r <= formattedRows; r++) parts.push(`<row r="${r}" s="1" customFormat="1"/>`);
  parts.push("</sheetData>");
  if (sheet.merges.length)
    parts.push(
      `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}"/>`).join("")}</mergeCells>`,
    );
  parts.push("</worksheet>");
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlAttr(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  return makeZip({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml": workbook,
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
    "xl/styles.xml": STYLES,
    "xl/worksheets/sheet1.xml": parts.join(""),
  });
}

/**
 * The smallest Compound File (OLE2/CFB) container as Office writes an encrypted .xlsx: the CFB signature, a header
 * and a directory naming the EncryptionInfo and EncryptedPackage streams. Contents are not real ciphertext; the reader
 * must refuse it on the signature alone.
 */
export function encryptedXlsx(): Buffer {
  const sector = 512;
  const out = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x003e, 24); // minor version
  out.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  out.writeUInt16LE(0xfffe, 28); // little-endian
  out.writeUInt16LE(9, 30); // sector shift: 2^9
  out.writeUInt16LE(6, 32); // mini sector shift
  out.writeUInt32LE(1, 44); // one FAT sector
  out.writeUInt32LE(1, 48); // first directory sector
  out.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  out.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  out.writeUInt32LE(0, 76); // DIFAT[0] = FAT at sector 0
  for (let i = 1; i < 109; i++) out.writeUInt32LE(0xffffffff, 76 + i * 4);
  // Sector 0 (file offset 512): the FAT. Sector 1: the directory.
  const fat = sector;
  out.writeUInt32LE(0xfffffffd, fat); // sector 0 is a FAT sector
  out.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: end of the directory chain
  for (let i = 2; i < 128; i++) out.writeUInt32LE(0xffffffff, fat + i * 4);
  const dir = sector * 2;
  const entry = (index: number, name: string, type: number) => {
    const at = dir + index * 128;
    const utf16 = Buffer.from(`${name}\0`, "utf16le");
    utf16.copy(out, at);
    out.writeUInt16LE(utf16.length, at + 64);
    out.writeUInt8(type, at + 66); // 5 root, 2 stream
    out.writeUInt32LE(0xffffffff, at + 68);
    out.writeUInt32LE(0xffffffff, at + 72);
    out.writeUInt32LE(0xffffffff, at + 76);
  };
  entry(0, "Root Entry", 5);
  entry(1, "EncryptionInfo", 2);
  entry(2, "EncryptedPackage", 2);
  out.writeUInt32LE(1, dir + 76); // root's child: EncryptionInfo
  out.writeUInt32LE(2, dir + 128 + 72); // EncryptionInfo's right sibling: EncryptedPackage
  return out;
}
