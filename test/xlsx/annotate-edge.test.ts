/**
 * `--annotate` on the files other producers and damage make: no styles part, upper-case part names and a BOM, an
 * empty <sheetData/>, comments/CDATA/PIs and ">" inside attribute values, a dangling note drawing, the strict
 * (ISO 29500) namespaces, a sheet whose cells have no r=. Each: the right cells marked, nothing else changed, and a
 * copy that passes the strict open.
 */
import { crc32 as zlibCrc32 } from "node:zlib";
import { zipSync } from "fflate";
import type { Finding } from "../../src/core/finding";
import { MARK_PREFIX } from "../../src/core/report/mark-plan";
import { AnnotateError, annotateXlsx, argbOf } from "../../src/xlsx/annotate/annotate-xlsx";
import { cellFormat, notesOf, strictOpen, text, unzip } from "../helpers/xlsx-parts";
import { parseA1 } from "../../src/core/address";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import { ZipArchive } from "../../src/xlsx/zip";
import { fflateInflate } from "../../src/xlsx/fflate-inflate";
import { crc32 } from "../../src/xlsx/annotate/crc32";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships";

interface Spec {
  sheet: string;
  styles?: boolean;
  sheetRels?: string;
  names?: { sheet: string; styles: string };
  main?: string;
  rel?: string;
}

function workbook(spec: Spec): Uint8Array {
  const main = spec.main ?? MAIN;
  const rel = spec.rel ?? R;
  const sheetName = spec.names?.sheet ?? "xl/worksheets/sheet1.xml";
  const stylesName = spec.names?.styles ?? "xl/styles.xml";
  const parts: Record<string, string> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${sheetName}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<Relationships xmlns="${PKG_R}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      (spec.styles === false ? "" : `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>`) +
      "</Relationships>",
    [sheetName]: spec.sheet,
  };
  if (spec.styles !== false)
    parts[stylesName] =
      `<styleSheet xmlns="${main}"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';
  if (spec.sheetRels) parts["xl/worksheets/_rels/sheet1.xml.rels"] = spec.sheetRels;
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = new TextEncoder().encode(v);
  return zipSync(files);
}

const err = (address: string): Finding => ({
  rule: "hierarchy.sum",
  severity: "error",
  message: `错误 ${address}`,
  messageEn: `error ${address}`,
  cells: [{ sheet: "表1", ...parseA1(address) }],
});

describe("--annotate on other producers' and damaged files", () => {
  it("creates a styles part when the workbook has none", () => {
    const { data } = annotateXlsx(workbook({ sheet: `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, styles: false }), [err("A1")]);
    expect(strictOpen(data)).toEqual([]);
    expect(cellFormat(unzip(data), "表1", "A1").fillRgb).toBe(argbOf("error"));
  });

  it("finds parts by any case, keeps their names and a sheet's byte-order mark", () => {
    const input = workbook({
      sheet: `\ufeff<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="2"><c r="B2" s="1"><v>0.5</v></c></row></sheetData></worksheet>`,
      names: { sheet: "XL/Worksheets/Sheet1.XML", styles: "XL/STYLES.xml" },
    });
    const out = unzip(annotateXlsx(input, [err("B2")]).data);
    expect([...out.keys()]).toEqual(expect.arrayContaining(["XL/Worksheets/Sheet1.XML", "XL/STYLES.xml"]));
    const sheet = out.get("XL/Worksheets/Sheet1.XML") as Uint8Array;
    expect([...sheet.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(out, "XL/Worksheets/Sheet1.XML")).toContain('<c r="B2" s="2"><v>0.5</v></c>');
    expect(text(out, "XL/STYLES.xml")).toContain('<xf numFmtId="10" fontId="0" fillId="2" borderId="0" applyNumberFormat="1" applyFill="1"/>');
  });

  it("fills a sheet with an empty <sheetData/>", () => {
    const { data } = annotateXlsx(workbook({ sheet: `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData/></worksheet>` }), [err("C4")]);
    expect(text(unzip(data), "xl/worksheets/sheet1.xml")).toContain('<sheetData><row r="4"><c r="C4" s="2"/></row></sheetData>');
    expect(notesOf(unzip(data), "表1").get("C4")).toBe(`${MARK_PREFIX}错误：错误 C4`);
    expect(strictOpen(data)).toEqual([]);
  });

  it("leaves XML comments, CDATA, processing instructions and '>' inside attribute values alone", () => {
    const sheet =
      `<worksheet xmlns="${MAIN}"><!-- <row r="1"><c r="A1"/></row> --><?producer x="<c>"?><sheetData>` +
      '<row r="1" x14ac:note="a>b" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="A1" s="9"/>]]></t></is></c></row></sheetData></worksheet>';
    const out = text(unzip(annotateXlsx(workbook({ sheet }), [err("A1")]).data), "xl/worksheets/sheet1.xml");
    expect(out.replace(' s="2"', "").replace(/<legacyDrawing[^>]*\/>/, "")).toBe(sheet);
    expect(out).toContain('<c r="A1" t="inlineStr" s="2">');
  });

  it("a legacyDrawing whose VML is missing: the cell is filled, no note is added, and that is reported", () => {
    const sheet = `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><legacyDrawing r:id="rId9"/></worksheet>`;
    const { data, summary } = annotateXlsx(workbook({ sheet }), [err("A1")]);
    expect(summary.unnoted).toEqual([{ cell: { sheet: "表1", row: 0, col: 0 }, reason: "damaged-drawing" }]);
    expect(summary.noted).toBe(0);
    expect(cellFormat(unzip(data), "表1", "A1").fillRgb).toBe(argbOf("error"));
    expect(text(unzip(data), "xl/worksheets/sheet1.xml")).toBe(sheet.replace('<c r="A1">', '<c r="A1" s="2">'));
  });

  it("a strict (ISO 29500) workbook gets strict namespaces in the parts it adds", () => {
    const main = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const rel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const sheet = `<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const { data } = annotateXlsx(workbook({ sheet, main, rel }), [err("A1")]);
    const out = unzip(data);
    expect(text(out, "xl/comments1.xml")).toContain(`<comments xmlns="${main}">`);
    expect(text(out, "xl/worksheets/_rels/sheet1.xml.rels")).toContain(`Type="${rel}/comments"`);
    expect(text(out, "xl/worksheets/sheet1.xml")).toContain(`<legacyDrawing xmlns:r="${rel}" r:id="rId2"/>`);
  });

  it("cells and rows without r= (the Open XML SDK's way): the right cell is restyled, a new one appended after them", () => {
    const sheet = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const { data } = annotateXlsx(workbook({ sheet }), [err("B1"), err("C1"), err("A2")]);
    const xml = text(unzip(data), "xl/worksheets/sheet1.xml");
    expect(xml).toContain('<x:row><x:c><x:v>1</x:v></x:c><x:c s="2"><x:v>2</x:v></x:c><x:c r="C1" s="2"/></x:row><x:row><x:c s="2"><x:v>3</x:v></x:c></x:row>');
  });

  it("refuses what is not a workbook zip with a one-line reason", () => {
    expect(() => annotateXlsx(new TextEncoder().encode("not a zip"), [err("A1")])).toThrow(AnnotateError);
    const noTypes = zipSync({ "xl/workbook.xml": new TextEncoder().encode("<workbook/>") });
    expect(() => annotateXlsx(noTypes, [err("A1")])).toThrow(/^\[Content_Types\]\.xml is missing$/);
  });
});

describe("--annotate copies what it does not touch as it is stored", () => {
  /** Bytes that are no deflate stream: inflating them would fail, so a copy that succeeds never inflated them. */
  const NOT_DEFLATE = Uint8Array.from({ length: 40_000 }, (_, i) => (i * 7919 + 13) % 251);

  /** The workbook with a media part whose stored bytes claim deflate but are not (as a copy of a huge video would be, unread). */
  function withOpaqueMedia(): Uint8Array {
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const files = unzip(workbook({ sheet }));
    files.set("xl/media/video1.bin", NOT_DEFLATE);
    const zip = zipSync(Object.fromEntries([...files].map(([k, v]) => [k, [v, { level: k.endsWith(".bin") ? 0 : 6 }]])));
    // Method 0 → 8 in the entry's local and central headers: its name comes 30 and 46 bytes after them.
    const name = new TextEncoder().encode("xl/media/video1.bin");
    for (let i = 0; (i = Buffer.from(zip).indexOf(name, i)) >= 0; i += name.length) {
      const header = zip[i - 30] === 0x50 && zip[i - 29] === 0x4b && zip[i - 28] === 3 ? i - 30 + 8 : i - 46 + 10;
      zip[header] = 8;
    }
    return zip;
  }

  it("an untouched entry keeps its stored bytes, method, CRC and time, and is never inflated", () => {
    const input = withOpaqueMedia();
    const { data } = annotateXlsx(input, [err("A1")]);
    const before = new ZipArchive(input, "in", DEFAULT_LIMITS, {});
    const after = new ZipArchive(data, "out", DEFAULT_LIMITS, {});
    const changed = new Set(["xl/worksheets/sheet1.xml", "xl/styles.xml", "[Content_Types].xml"]);
    let copied = 0;
    for (const e of before.entries()) {
      const o = after.get(e.name);
      expect(o).toBeDefined();
      if (changed.has(e.name) || e.name.includes("_rels/sheet1")) continue;
      copied++;
      expect({ name: o!.name, method: o!.method, crc: o!.crc32, size: o!.size, time: o!.dosTime, date: o!.dosDate }).toEqual({
        name: e.name,
        method: e.method,
        crc: e.crc32,
        size: e.size,
        time: e.dosTime,
        date: e.dosDate,
      });
      expect(Buffer.from(after.storedBytes(o!)).equals(Buffer.from(before.storedBytes(e)))).toBe(true);
    }
    expect(copied).toBeGreaterThanOrEqual(4);
    expect(after.get("xl/media/video1.bin")?.method).toBe(8);
    // Every part but the opaque one reads back whole, with the CRC its entry states, and the cell is marked.
    const reader = new ZipArchive(data, "out", DEFAULT_LIMITS, { stream: fflateInflate });
    const parts = new Map<string, Uint8Array>();
    for (const e of reader.entries()) {
      if (e.name === "xl/media/video1.bin") continue;
      const bytes = reader.readBytes(e);
      expect(crc32(bytes)).toBe(e.crc32);
      parts.set(e.name, bytes);
    }
    expect(cellFormat(parts, "表1", "A1").fillRgb).toBe(argbOf("error"));
  });

  it("a copy made twice is the same bytes", () => {
    const input = withOpaqueMedia();
    expect(Buffer.from(annotateXlsx(input, [err("A1")]).data).equals(Buffer.from(annotateXlsx(input, [err("A1")]).data))).toBe(true);
  });
});

describe("crc32", () => {
  it("is the zip CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31 + (i >> 7)) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });
});

describe("--annotate on zips other tools write", () => {
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;

  it("entry names with \\ separators: found, marked, and written with /", () => {
    const files = unzip(workbook({ sheet }));
    const renamed = Object.fromEntries([...files].map(([k, v]) => [k.replace(/\//g, "\\"), v]));
    const { data, summary } = annotateXlsx(zipSync(renamed), [err("A1")]);
    expect(summary.marked).toBe(1);
    const out = unzip(data);
    expect([...out.keys()].filter((k) => k.includes("\\"))).toEqual([]);
    expect(cellFormat(out, "表1", "A1").fillRgb).toBe(argbOf("error"));
  });

  it("a note drawing of another sheet in a legacy 8-bit encoding does not stop the copy (only its shape ids are read)", () => {
    const files = unzip(workbook({ sheet }));
    // Not UTF-8: "é" as one Latin-1 byte, in a drawing no marked cell uses.
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/></o:shapelayout><v:shape id="_x0000_s3073" alt="caf\u00e9"/></xml>`;
    files.set("xl/drawings/vmlDrawing9.vml", Uint8Array.from(vml, (ch) => ch.charCodeAt(0)));
    const { data, summary } = annotateXlsx(zipSync(Object.fromEntries(files)), [err("A1")]);
    expect(summary.noted).toBe(1);
    const out = unzip(data);
    expect(Buffer.from(out.get("xl/drawings/vmlDrawing9.vml")!).equals(Buffer.from(files.get("xl/drawings/vmlDrawing9.vml")!))).toBe(true);
    // Our drawing takes a block of shape ids after the one already used.
    expect(text(out, "xl/drawings/vmlDrawing1.vml")).toContain('data="4"');
  });
});
