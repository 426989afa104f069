/**
 * The reader's corpus (issue 15): files made here the ways producers write them, each damage, each bomb, the far
 * corner; each with its expected outcome — the same grid and findings as the workbook it encodes, or a refusal
 * (WorkbookReadError, and through the CLI exit 2 + one line naming the file). Inputs are hashed before and after.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseA1 } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/engine";
import type { CheckResult } from "../../src/core/finding";
import { cellFormula, cellNumberFormat, cellValue, formulaWithoutValue, sheetColCount, sheetRowCount, type GridSheet, type GridWorkbook } from "../../src/core/grid";
import { readXlsxBuffer } from "../../src/cli/xlsx-grid";
import { DEFAULT_LIMITS, type ReadLimits } from "../../src/xlsx/limits";
import { WorkbookReadError, type ReadFailure } from "../../src/xlsx/read-error";
import { nodeInflateRaw } from "../../src/xlsx/read-file";
import { readXlsxBytes } from "../../src/xlsx/read-bytes";
import type { ReadOptions } from "../../src/xlsx/read-workbook";
import { shiftFormula } from "../../src/xlsx/shared-formula";
import { getSheet, setAmount } from "../helpers/variants";
import { baseWorkbook, catalogue, encryptedXlsx, runCli, tmpDir } from "../hardening/helpers";
import { bookWith, MAIN, render, sheetXml, zip, type ProducerForm } from "./producers";
import { a1 } from "../../src/core/finding";

const EXP = "支出总表";
/** JS heap and typed-array memory (inflated chunks live outside the heap). */
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * Reads bytes, asserting the reader leaves them as they were, and that both inflaters (fflate, which the browser
 * uses, and Node's zlib, which the CLI uses) give the same grid or the same kind of refusal.
 */
function read(bytes: Uint8Array, limits?: ReadLimits): GridWorkbook {
  const before = sha(bytes);
  const attempt = (options: ReadOptions): { grid: GridWorkbook } | { error: unknown } => {
    try {
      return { grid: readXlsxBytes(bytes, "corpus.xlsx", limits, options) };
    } catch (error) {
      return { error };
    }
  };
  try {
    const streamed = attempt({});
    const native = attempt({ inflateRaw: nodeInflateRaw });
    if ("grid" in streamed) {
      expect(native).toEqual(streamed);
      return streamed.grid;
    }
    expect("error" in native && native.error instanceof WorkbookReadError && streamed.error instanceof WorkbookReadError && native.error.reason === streamed.error.reason).toBe(true);
    throw streamed.error;
  } finally {
    expect(sha(bytes)).toBe(before);
  }
}

function refusal(bytes: Uint8Array, limits?: ReadLimits): WorkbookReadError {
  let err: unknown;
  try {
    read(bytes, limits);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(WorkbookReadError);
  const w = err as WorkbookReadError;
  expect(w.message).not.toMatch(/[\r\n]/);
  expect(w.message).toContain("corpus.xlsx");
  return w;
}

function findingKeys(r: CheckResult): string[] {
  return r.findings.map((f) => `${f.severity} ${f.rule} ${f.cells.map((c) => `${c.sheet}!${a1(c)}`).join(",")}`).sort();
}

/** Every cell of either grid reads the same (value, formula, number format where there is a value). */
function expectSameGrid(got: GridWorkbook, want: GridWorkbook): void {
  expect(got.sheets.map((s) => s.name)).toEqual(want.sheets.map((s) => s.name));
  got.sheets.forEach((g, i) => {
    const w = want.sheets[i];
    const rows = Math.max(sheetRowCount(g), sheetRowCount(w));
    const cols = Math.max(sheetColCount(g), sheetColCount(w));
    const diffs: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const a = [cellValue(g, r, c), cellFormula(g, r, c), cellValue(g, r, c) === null ? null : cellNumberFormat(g, r, c)];
        const b = [cellValue(w, r, c), cellFormula(w, r, c), cellValue(w, r, c) === null ? null : cellNumberFormat(w, r, c)];
        if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${g.name} R${r}C${c}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    expect(diffs.slice(0, 5)).toEqual([]);
    const key = (m: { top: number; left: number }) => m.top * 20000 + m.left;
    expect([...g.merges].sort((x, y) => key(x) - key(y))).toEqual([...w.merges].sort((x, y) => key(x) - key(y)));
  });
}

// The nine generated tables with one wrong amount: every producer's file must give the same grid and findings.
const base = baseWorkbook();
const wrongCell = (() => {
  const s = getSheet(base, EXP);
  const row = s.values.findIndex((r) => r?.[1] === "2080505");
  return `E${row + 1}`;
})();
const bad = setAmount(base, EXP, wrongCell, 1);
// Formulas with cached values, a percentage and a boolean/error elsewhere, so every cell type is in each form.
const s0 = getSheet(bad, EXP);
((s0.numberFormats ??= [])[2] ??= [])[8] = "0.00%";
const expected = checkWorkbook(structuredClone(bad), { catalogue });

const PRODUCERS: Array<[string, ProducerForm]> = [
  ["Excel (shared strings, rich text with phonetic runs, extension namespaces)", { strings: "shared", rich: true, extensions: true, definedNames: true }],
  ["openpyxl (absolute targets, t=\"n\", a note and a picture)", { strings: "shared", absoluteTargets: true, typedNumbers: true, noteAndPicture: true }],
  [".NET Open XML SDK (x: prefix on every element, inline strings, absolute targets)", { prefix: "x", strings: "inline", absoluteTargets: true }],
  [".NET Open XML SDK without a styles part", { prefix: "x", strings: "inline", noStyles: true }],
  ["cells without r=", { strings: "shared", cellRefs: false }],
  ["rows without r=", { strings: "inline", rowRefs: false }],
  ["rows and cells without r=", { strings: "shared", rowRefs: false, cellRefs: false }],
  ["upper-case part names, rels and content types in other cases", { strings: "shared", upperCaseParts: true }],
  ["LibreOffice (many xfs, styled empty cells)", { strings: "shared", extraXfs: 120, styledEmptyCells: true }],
  ["WPS (extension namespaces, defined names, shared strings)", { strings: "shared", extensions: true, definedNames: true, extraXfs: 3 }],
];

describe("producers: the same workbook in each producer's form reads the same and gives the same findings", () => {
  it("the workbook has the wrong amount as an error (so the comparison below is not vacuous)", () => {
    expect(expected.findings.some((f) => f.severity === "error" && (f.cells[0] ? a1(f.cells[0]) : undefined) === wrongCell)).toBe(true);
  });

  it.each(PRODUCERS)("%s", (_label, form) => {
    const got = read(render(bad, form));
    // Without a styles part there are no number formats to read: compare with the workbook without them.
    const want = form.noStyles ? { ...bad, sheets: bad.sheets.map((s) => ({ ...s, numberFormats: undefined })) } : bad;
    expectSameGrid(got, want);
    const wantFindings = form.noStyles ? checkWorkbook(structuredClone(want), { catalogue }) : expected;
    expect(findingKeys(checkWorkbook(got, { catalogue }))).toEqual(findingKeys(wantFindings));
  });

  it("exceljs' own form (gridToXlsx) too", async () => {
    const { gridToXlsx } = await import("../helpers/grid-to-xlsx");
    const got = await readXlsxBuffer(await gridToXlsx(bad), "exceljs.xlsx");
    expectSameGrid(got, bad);
    expect(findingKeys(checkWorkbook(got, { catalogue }))).toEqual(findingKeys(expected));
  });
});

function one(rows: string, after = "", extra: Record<string, string | Uint8Array> = {}, workbookExtra = ""): GridSheet {
  return read(bookWith([{ name: "S", xml: sheetXml(rows, after) }], extra, workbookExtra)).sheets[0];
}
const at = (s: GridSheet, a1: string) => {
  const { row, col } = parseA1(a1);
  return { value: cellValue(s, row, col), formula: cellFormula(s, row, col), format: cellNumberFormat(s, row, col) };
};
const STYLES = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00_ "/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="31"/></cellXfs></styleSheet>`;

describe("cell types and formulas", () => {
  it("inline strings, rich inline strings without phonetic text, booleans, errors, formula strings", () => {
    const s = one(
      `<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> 合计 </t></is></c><c r="B1" t="inlineStr"><is><r><t>社会</t></r><r><rPr><b/></rPr><t>保障</t></r><rPh sb="0" eb="2"><t>しゃかい</t></rPh></is></c>` +
        `<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F1" t="str"><f>""</f><v></v></c></row>`,
    );
    expect(at(s, "A1").value).toBe(" 合计 ");
    expect(at(s, "B1").value).toBe("社会保障");
    expect(at(s, "C1").value).toBe(true);
    expect(at(s, "D1").value).toEqual({ error: "#DIV/0!" });
    expect(at(s, "E1")).toEqual({ value: "ab", formula: '"a"&"b"', format: null });
    expect(at(s, "F1").value).toBe("");
  });

  it("t=\"d\" ISO dates become serials with their number format, in the 1900 and the 1904 system", () => {
    const rows = `<row r="1"><c r="A1" t="d" s="2"><v>2023-01-01T00:00:00Z</v></c><c r="B1" t="d" s="4"><v>2024-03-15T12:00:00</v></c><c r="C1" t="d"><v>1900-01-01</v></c></row>`;
    const s = one(rows, "", { "xl/styles.xml": STYLES });
    expect(at(s, "A1")).toEqual({ value: 44927, formula: null, format: "mm-dd-yy" });
    expect(at(s, "B1")).toEqual({ value: 45366.5, formula: null, format: 'yyyy"年"m"月"d"日"' });
    expect(at(s, "C1").value).toBe(1);
    const s1904 = one(rows, "", { "xl/styles.xml": STYLES }, `<workbookPr date1904="1"/>`);
    expect(at(s1904, "A1").value).toBe(44927 - 1462);
  });

  it("number formats: custom numFmts and built-in ids through cellXfs; General is none", () => {
    const s = one(`<row r="1"><c r="A1" s="1"><v>1234.5</v></c><c r="B1" s="3"><v>0.25</v></c><c r="C1" s="0"><v>3</v></c><c r="D1" s="1"/></row>`, "", { "xl/styles.xml": STYLES });
    expect(at(s, "A1").format).toBe("#,##0.00_ ");
    expect(at(s, "B1").format).toBe("0.00%");
    expect(at(s, "C1").format).toBeNull();
    // A styled cell without a value is not content (LibreOffice writes thousands).
    expect([s.rowCount, s.colCount]).toEqual([1, 3]);
  });

  it("formulas with and without a cached value: text kept; no cached value is told apart from a value", () => {
    const s = one(`<row r="1"><c r="A1"><v>2</v></c><c r="B1"><f>A1*2</f><v>4</v></c><c r="C1"><f>A1*3</f></c><c r="D1"><f>=A1+1</f><v>3</v></c></row>`);
    expect(at(s, "B1")).toMatchObject({ value: 4, formula: "A1*2" });
    expect(at(s, "C1")).toMatchObject({ value: null, formula: "A1*3" });
    expect(formulaWithoutValue(s, 0, 2)).toBe(true);
    expect(formulaWithoutValue(s, 0, 1)).toBe(false);
    expect(at(s, "D1").formula).toBe("A1+1");
  });

  it("shared formulas: dependents get the master's text moved as Excel does, and keep their cached values", () => {
    const s = one(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">SUM($A1:B1)+'My Sheet'!A1+"A1"</f><v>3</v></c></row>` +
        `<row r="2"><c r="C2"><f t="shared" si="0"/><v>30</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"/><v>300</v></c></row>` +
        `<row r="4"><c r="D4"><f t="shared" ref="D4:E4" si="1">D3</f><v>0</v></c><c r="E4"><f t="shared" si="1"/><v>0</v></c></row>`,
    );
    expect(at(s, "C2")).toMatchObject({ value: 30, formula: `SUM($A2:B2)+'My Sheet'!A2+"A1"` });
    expect(at(s, "C3")).toMatchObject({ value: 300, formula: `SUM($A3:B3)+'My Sheet'!A3+"A1"` });
    expect(at(s, "E4").formula).toBe("E3");
    expect(shiftFormula("A1+$B$2+LOG10(C3)+Sheet1!D4+SUM(A:A)+ROWS(1:2)", 1, 1)).toBe("B2+$B$2+LOG10(D4)+Sheet1!E5+SUM(B:B)+ROWS(2:3)");
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });

  it("merged cells: listed, and a value a producer repeated in covered cells is dropped", () => {
    const s = one(`<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>标题</t></is></c></row>`, `<mergeCells count="1"><mergeCell ref="A1:D2"/></mergeCells>`);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 3 }]);
    expect(at(s, "A1").value).toBe("标题");
    expect(at(s, "B1").value).toBeNull();
    expect([s.rowCount, s.colCount]).toEqual([2, 4]);
  });

  it("UTF-16 parts with a byte-order mark, and UTF-8 with one", () => {
    const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>预算</t></is></c></row>`);
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const book = bookWith([{ name: "S", xml: "" }], { "xl/worksheets/sheet1.xml": utf16 });
    expect(at(read(book).sheets[0], "A1").value).toBe("预算");
    const bom = bookWith([{ name: "S", xml: `\ufeff${xml}` }]);
    expect(at(read(bom).sheets[0], "A1").value).toBe("预算");
  });
});

describe("sheets", () => {
  const cell = (t: string) => sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c></row>`);
  it("hidden and very hidden sheets are read and say so; chartsheets and dialog sheets are skipped; defined names ignored", () => {
    const wb = read(
      bookWith(
        [
          { name: "可见", xml: cell("a") },
          { name: "隐藏", xml: cell("b"), state: "hidden" },
          { name: "深度隐藏", xml: cell("c"), state: "veryHidden" },
          { name: "图表", xml: `<chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`, kind: "chartsheet" },
          { name: "对话框", xml: `<dialogsheet xmlns="${MAIN}"/>`, kind: "dialogsheet" },
        ],
        {},
        "",
      ),
    );
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([["可见", undefined], ["隐藏", "hidden"], ["深度隐藏", "veryHidden"]]);
  });

  it("one value in XFD1048576: one stored cell, bounded memory and time, and the table above it still checks", () => {
    const s = getSheet(bad, EXP);
    const book = render({ sheets: [{ ...s, values: s.values.map((r) => [...r]) }] }, { strings: "inline" });
    const far = bookWith([{ name: EXP, xml: "" }], {
      // The same sheet with one more cell in the far corner.
      "xl/worksheets/sheet1.xml": sheetXml(
        new TextDecoder().decode(readEntry(book, "xl/worksheets/sheet1.xml")).replace(/^[\s\S]*<sheetData>|<\/sheetData>[\s\S]*$/g, "") +
          `<row r="1048576"><c r="XFD1048576"><v>5</v></c></row>`,
      ),
    });
    const before = used();
    const t0 = performance.now();
    const wb = read(far);
    const sheet = wb.sheets[0];
    expect([sheet.rowCount, sheet.colCount]).toEqual([1_048_576, 16_384]);
    expect(at(sheet, "XFD1048576").value).toBe(5);
    const r = checkWorkbook(wb, { catalogue });
    const heapDelta = used() - before;
    // A dense grid would be 17 billion cells; even one array of 1M rows × 16384 columns cannot fit in 50 MB.
    expect(heapDelta).toBeLessThan(50 * 1024 * 1024);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(r.findings.some((f) => f.severity === "error" && f.cells[0]?.sheet === EXP && (f.cells[0] ? a1(f.cells[0]) : undefined) === wrongCell)).toBe(true);
  });
});

/** The bytes of one entry of a zip made by fflate (for splicing a part of a rendered book into another). */
function readEntry(bytes: Uint8Array, name: string): Uint8Array {
  const { unzipSync } = jest.requireActual<typeof import("fflate")>("fflate");
  return unzipSync(bytes, { filter: (f) => f.name === name })[name];
}

const valid = () => bookWith([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }], { "xl/sharedStrings.xml": `<sst xmlns="${MAIN}"><si><t>x</t></si></sst>` });

/** A copy of a zip with the central directory's declared uncompressed size of `name` replaced. */
function withDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const v = new DataView(out.buffer);
  const nameBytes = new TextEncoder().encode(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (v.getUint32(p, true) !== 0x02014b50) continue;
    const len = v.getUint16(p + 28, true);
    if (len === nameBytes.length && nameBytes.every((b, i) => out[p + 46 + i] === b)) {
      v.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error(`no ${name}`);
}

describe("refusals: one line naming the file, the part, sheet or cell", () => {
  const cases: Array<[string, () => Uint8Array, ReadFailure, RegExp | undefined]> = [
    ["encrypted (CFB with EncryptionInfo)", () => encryptedXlsx(), "encrypted", undefined],
    ["an old .xls (CFB with a Workbook stream)", () => {
      const b = encryptedXlsx();
      const at = b.indexOf(Buffer.from("EncryptionInfo", "utf16le"));
      b.fill(0, at, at + 64);
      Buffer.from("Workbook\0", "utf16le").copy(b, at);
      const enc = b.indexOf(Buffer.from("EncryptedPackage", "utf16le"));
      b.fill(0, enc, enc + 64);
      return b;
    }, "xls", /\.xls/],
    [".xlsb (workbook.bin)", () => zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": new Uint8Array([0x83, 1, 0]) }), "xlsb", /\.xlsb/],
    [".ods (mimetype)", () => zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }), "ods", /\.ods/],
    ["not a zip", () => new TextEncoder().encode("科目编码,合计\n208,1\n"), "not-zip", undefined],
    ["an empty file", () => new Uint8Array(0), "empty", undefined],
    ["a truncated zip", () => valid().subarray(0, 300), "corrupt", undefined],
    ["a zip without workbook.xml", () => zip({ "[Content_Types].xml": "<Types/>", "xl/styles.xml": `<styleSheet xmlns="${MAIN}"/>` }), "not-xlsx", undefined],
    ["a Word document renamed .xlsx (its main part is no <workbook>)", () => zip({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      "word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>2025年部门预算</w:t></w:r></w:p></w:body></w:document>`,
    }), "not-xlsx", undefined],
    ["a workbook part whose root is some other SpreadsheetML element", () => zip({ "xl/workbook.xml": `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>` }), "not-xlsx", undefined],
    ["workbook.xml named by the package rels but missing", () => zip({ "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` }), "missing-part", /xl\/workbook\.xml/],
    ["a sheet part named in the workbook rels but missing", () => {
      const b = bookWith([{ name: "支出表", xml: sheetXml("") }]);
      const { unzipSync } = jest.requireActual<typeof import("fflate")>("fflate");
      const parts = unzipSync(b);
      delete parts["xl/worksheets/sheet1.xml"];
      return zip(parts);
    }, "missing-part", /sheet1\.xml.*支出表/],
    ["shared strings referenced but the part is missing", () => bookWith([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }]), "missing-part", /sharedStrings/],
    ["a shared-string index out of range", () => bookWith([{ name: "S", xml: sheetXml(`<row r="3"><c r="B3" t="s"><v>7</v></c></row>`) }], { "xl/sharedStrings.xml": `<sst xmlns="${MAIN}"><si><t>x</t></si></sst>` }), "broken-part", /S!B3/],
    ["malformed XML in a sheet", () => bookWith([{ name: "收入表", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></row>`) }]), "broken-part", /sheet1\.xml.*收入表/],
    ["a cell reference beyond XFD1048576", () => bookWith([{ name: "S", xml: sheetXml(`<row r="1"><c r="XFE1"><v>1</v></c></row>`) }]), "broken-part", /XFE1/],
    ["a row beyond 1048576", () => bookWith([{ name: "S", xml: sheetXml(`<row r="1048577"><c><v>1</v></c></row>`) }]), "broken-part", undefined],
    ["a part whose declared size is over the bound (checked before inflating)", () => withDeclaredSize(valid(), "xl/worksheets/sheet1.xml", 0xfffffff0), "too-large", undefined],
    ["an entry that inflates past its declared size", () => withDeclaredSize(valid(), "xl/worksheets/sheet1.xml", 10), "corrupt", /sheet1\.xml/],
  ];

  it.each(cases)("%s", (_label, make, reason, where) => {
    const err = refusal(make());
    expect(err.reason).toBe(reason);
    if (where) expect(err.message).toMatch(where);
  });

  it("the CLI: exit 2, one line on stderr naming the file, nothing on stdout, the file unchanged", async () => {
    const dir = tmpDir("corpus-");
    try {
      for (const [label, make] of cases.slice(0, 6).concat(cases.slice(9, 13))) {
        const file = path.join(dir, `${label.replace(/[^\w]+/g, "-")}.xlsx`);
        fs.writeFileSync(file, make());
        const before = sha(fs.readFileSync(file));
        const run = await runCli([file, "--format", "json"]);
        expect([run.code, run.stdout]).toEqual([2, ""]);
        expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
        expect(run.stderr).toContain(path.basename(file));
        expect(sha(fs.readFileSync(file))).toBe(before);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bounds, each checked before the memory it guards is spent", () => {
  // 64 MB of zeros as the workbook part deflates to ~64 KB: deflate's ~1000:1, the ratio of a 4 MB file that inflates
  // to 4 GB. Made once (deflating takes seconds on a shared machine).
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = zip({
      "[Content_Types].xml": "<Types/>",
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": new Uint8Array(64 * 1024 * 1024),
    });
  });

  it("a zip bomb declared honestly: refused from its declared size before anything is inflated", () => {
    expect(bomb.length).toBeLessThan((64 * 1024 * 1024) / 900);
    const small: ReadLimits = { ...DEFAULT_LIMITS, maxPartBytes: 32 * 1024 * 1024 };
    const t0 = performance.now();
    expect(refusal(bomb, small).reason).toBe("too-large");
    expect(performance.now() - t0).toBeLessThan(100);
    // Over the total bound likewise (the declared sizes of all entries).
    expect(refusal(bomb, { ...DEFAULT_LIMITS, maxTotalBytes: 48 * 1024 * 1024 }).reason).toBe("too-large");
  });

  it("the same bomb with a lying directory (declares 1 KB): refused one chunk past the cap, in bounded memory", () => {
    const lying = withDeclaredSize(bomb, "xl/workbook.xml", 1024);
    const before = used();
    const err = refusal(lying);
    expect(err.reason).toBe("corrupt");
    expect(err.message).toContain("xl/workbook.xml");
    expect(used() - before).toBeLessThan(50 * 1024 * 1024);
  });

  const strings = (n: number, len = 3) => `<sst xmlns="${MAIN}">${Array.from({ length: n }, (_, i) => `<si><t>${String(i).padStart(len, "0")}</t></si>`).join("")}</sst>`;
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join("");

  it("cells: over the bound is refused while reading, across sheets", () => {
    const limits: ReadLimits = { ...DEFAULT_LIMITS, maxCells: 150 };
    const book = bookWith([{ name: "A", xml: sheetXml(rows(50)) }, { name: "B", xml: sheetXml(rows(50)) }]);
    expect(refusal(book, limits).reason).toBe("too-large");
    expect(read(book, { ...limits, maxCells: 200 }).sheets).toHaveLength(2);
  });

  it("texts longer than the pieces a part is read in (32 KiB): whole, by both inflaters, stored or deflated; over the bound refused", () => {
    // Chinese and ASCII, references and line ends, so pieces end inside characters, references and \r\n pairs.
    const piece = (i: number) => `合计${i} A&amp;B &#x4E2D;\r\n`;
    const long = (n: number) => Array.from({ length: n }, (_, i) => piece(i)).join("");
    const plain = (xml: string) => xml.replace(/&amp;/g, "&").replace(/&#x4E2D;/g, "中").replace(/\r\n/g, "\n");
    const inline = long(12_000);
    const formula = long(4_000);
    const shared = long(9_000);
    const rows =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${inline}</t></is></c><c r="B1" t="str"><f>${formula}</f><v>x</v></c>` +
      `<c r="C1" t="s"><v>0</v></c><c r="D1"><v>12.5</v></c></row>`;
    const parts = { sheet: sheetXml(rows), sst: `<sst xmlns="${MAIN}"><si><t>${shared}</t></si></sst>` };
    const book = bookWith([{ name: "S", xml: parts.sheet }], { "xl/sharedStrings.xml": parts.sst });
    const { unzipSync, zipSync } = jest.requireActual<typeof import("fflate")>("fflate");
    const stored = zipSync(unzipSync(book), { level: 0 });
    for (const bytes of [book, stored]) {
      const s = read(bytes).sheets[0];
      expect(at(s, "A1").value).toBe(plain(inline));
      expect(cellFormula(s, 0, 1)).toBe(plain(formula));
      expect(at(s, "C1").value).toBe(plain(shared));
      expect(at(s, "D1").value).toBe(12.5);
    }
    // The bound on one text holds however the pieces fall: 60k characters over a 50k bound, 45k under it.
    const one = (n: number) => bookWith([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${"字".repeat(n)}</t></is></c></row>`) }]);
    const bound = { ...DEFAULT_LIMITS, maxStringLength: 50_000 };
    expect(refusal(one(60_000), bound).reason).toBe("too-large");
    expect(at(read(one(45_000), bound).sheets[0], "A1").value).toHaveLength(45_000);
  });

  it("shared strings: count and length", () => {
    const book = (sst: string) => bookWith([{ name: "S", xml: sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }], { "xl/sharedStrings.xml": sst });
    expect(refusal(book(strings(20)), { ...DEFAULT_LIMITS, maxSharedStrings: 10 }).reason).toBe("too-large");
    expect(refusal(book(strings(2, 5000)), { ...DEFAULT_LIMITS, maxStringLength: 1000 }).reason).toBe("too-large");
    expect(at(read(book(strings(2, 5000))).sheets[0], "A1").value).toHaveLength(5000);
  });
});
