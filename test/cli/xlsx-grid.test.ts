import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { GridWorkbook } from "../../src/core/grid";
import { cellFormula, cellNumberFormat, cellValue } from "../../src/core/grid";
import { parseA1 } from "../../src/core/address";
import { readXlsxBuffer, readXlsxFile } from "../../src/cli/xlsx-grid";
import { gridToXlsx } from "../helpers/grid-to-xlsx";
import { WorkbookReadError } from "../../src/cli/workbook-read-error";
import { fixturePath, loadFixture } from "../helpers/fixtures";
import { makeZip } from "../helpers/zip";

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function at(grid: GridWorkbook, sheet: string, a1: string) {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { row, col } = parseA1(a1);
  return { value: cellValue(s, row, col), formula: cellFormula(s, row, col), format: cellNumberFormat(s, row, col) };
}

describe("readXlsxBuffer: cell contents", () => {
  let grid: GridWorkbook;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = "单位预算支出总表";
    ws.mergeCells("A1:D1");
    ws.getCell("A2").value = "科目编码";
    ws.mergeCells("A2:A3");
    ws.getCell("B4").value = 10.5;
    ws.getCell("B4").numFmt = "#,##0.00";
    ws.getCell("B5").value = 20.25;
    ws.getCell("B6").value = { formula: "SUM(B4:B5)", result: 30.75 };
    // Shared formula C4:C6 = B*2 with cached results.
    ws.fillFormula("C4:C6", "B4*2", [21, 40.5, 61.5]);
    // Array formula D4:D5: only the master carries the formula; the others hold results.
    // exceljs supports a 4th "array" argument that its typings omit.
    (ws as unknown as { fillFormula(r: string, f: string, v: number[], t: string): void }).fillFormula(
      "D4:D5",
      "B4:B5*3",
      [31.5, 60.75],
      "array",
    );
    ws.getCell("E4").value = { error: "#REF!" };
    ws.getCell("E5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("F4").value = { richText: [{ text: "社会保障" }, { text: "和就业支出", font: { bold: true } }] };
    ws.getCell("F5").value = { text: "链接文字", hyperlink: "https://example.org" };
    ws.getCell("F6").value = true;
    ws.getCell("G4").value = new Date(Date.UTC(2023, 0, 1));
    ws.getCell("G4").numFmt = "yyyy-mm-dd";
    ws.getCell("G5").value = "  1,234.56 ";
    const buf = await toBuffer(wb);
    grid = await readXlsxBuffer(buf, "cells.xlsx");
  });

  it("keeps a merged area's value only in its top-left cell and lists the area", () => {
    const s = grid.sheets[0];
    expect(at(grid, "表", "A1").value).toBe("单位预算支出总表");
    for (const a of ["B1", "C1", "D1", "A3"]) expect(at(grid, "表", a).value).toBeNull();
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 1, left: 0, bottom: 2, right: 0 },
      ]),
    );
    expect(s.merges).toHaveLength(2);
  });

  it("reads numbers with their number format", () => {
    expect(at(grid, "表", "B4")).toEqual({ value: 10.5, formula: null, format: "#,##0.00" });
    expect(at(grid, "表", "B5").format).toBeNull();
  });

  it("reads formulas as text without '=' and their cached result as the value", () => {
    expect(at(grid, "表", "B6")).toMatchObject({ value: 30.75, formula: "SUM(B4:B5)" });
  });

  it("translates shared formulas for every cell that shares them", () => {
    expect(at(grid, "表", "C4")).toMatchObject({ value: 21, formula: "B4*2" });
    expect(at(grid, "表", "C5")).toMatchObject({ value: 40.5, formula: "B5*2" });
    expect(at(grid, "表", "C6")).toMatchObject({ value: 61.5, formula: "B6*2" });
  });

  it("reads array formulas: formula on the master, cached results everywhere", () => {
    expect(at(grid, "表", "D4")).toMatchObject({ value: 31.5, formula: "B4:B5*3" });
    expect(at(grid, "表", "D5").value).toBe(60.75);
  });

  it("reads error values, also as formula results", () => {
    expect(at(grid, "表", "E4").value).toEqual({ error: "#REF!" });
    expect(at(grid, "表", "E5")).toMatchObject({ value: { error: "#DIV/0!" }, formula: "1/0" });
  });

  it("flattens rich text and hyperlinks to text; keeps booleans", () => {
    expect(at(grid, "表", "F4").value).toBe("社会保障和就业支出");
    expect(at(grid, "表", "F5").value).toBe("链接文字");
    expect(at(grid, "表", "F6").value).toBe(true);
  });

  it("keeps dates as Excel serial numbers with their date format", () => {
    expect(at(grid, "表", "G4")).toMatchObject({ value: 44927, format: "yyyy-mm-dd" });
  });

  it("keeps text exactly as stored (the core parses amounts)", () => {
    expect(at(grid, "表", "G5").value).toBe("  1,234.56 ");
  });

  it("sizes the used area and fills it densely with nulls", () => {
    const s = grid.sheets[0];
    expect(s.rowCount).toBe(6);
    expect(s.colCount).toBe(7);
    expect(s.values).toHaveLength(6);
    for (const row of s.values) {
      expect(row).toHaveLength(7);
      expect(row.every((v) => v !== undefined)).toBe(true);
    }
  });
});

describe("gridToXlsx round trip", () => {
  it("writes and reads back values, formulas, merges and number formats", async () => {
    const grid: GridWorkbook = {
      name: "rt.xlsx",
      sheets: [
        {
          name: "收支总表",
          values: [
            ["标题", null, null],
            ["项目", 1.25, 2.5],
            ["合计", 3.75, { error: "#N/A" }],
            [null, "（12.00）", true],
          ],
          formulas: [[], [], [null, "B2+C2", "NA()"]],
          numberFormats: [[], [null, "#,##0.00", "#,##0.00"], [null, "#,##0.00"]],
          merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
        },
        { name: "Sheet2", values: [[null, 7]], merges: [] },
      ],
    };
    const back = await readXlsxBuffer(await gridToXlsx(grid), "rt.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(["收支总表", "Sheet2"]);
    const s = back.sheets[0];
    expect(s.values).toEqual(grid.sheets[0].values);
    expect(s.merges).toEqual(grid.sheets[0].merges);
    expect(s.formulas?.[2]?.[1]).toBe("B2+C2");
    expect(s.formulas?.[2]?.[2]).toBe("NA()");
    expect(s.numberFormats?.[1]?.[1]).toBe("#,##0.00");
    expect(back.sheets[1].values).toEqual([[null, 7]]);
  });

  it("round-trips a whole fixture workbook unchanged", async () => {
    const original = await loadFixture("henan-yibin-social-security-2022");
    const back = await readXlsxBuffer(await gridToXlsx(original), "copy.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    back.sheets.forEach((s, i) => {
      const o = original.sheets[i];
      expect(s.values).toEqual(o.values);
      expect(sortMerges(s.merges)).toEqual(sortMerges(o.merges));
      expect([s.rowCount, s.colCount]).toEqual([o.rowCount, o.colCount]);
    });
  });
});

function sortMerges<T extends { top: number; left: number }>(ms: T[]): T[] {
  return [...ms].sort((a, b) => a.top - b.top || a.left - b.left);
}

describe("fixtures", () => {
  it("loads every sheet of a fixture with its used range", async () => {
    const grid = await readXlsxFile(fixturePath("shijiazhuang-social-insurance-2023"));
    expect(grid.sheets).toHaveLength(9);
    const revenue = grid.sheets.find((s) => s.name === "收入总表");
    expect([revenue?.rowCount, revenue?.colCount]).toEqual([23, 13]);
    expect(at(grid, "收入总表", "D6")).toMatchObject({ value: 16356.02, format: "#,##0.00" });
  });
});

describe("unreadable files → WorkbookReadError with a one-line bilingual message", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "xlsx-grid-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function failure(name: string, bytes: Buffer | null): Promise<WorkbookReadError> {
    const file = path.join(dir, name);
    if (bytes) fs.writeFileSync(file, bytes);
    try {
      await readXlsxFile(file);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      const err = e as WorkbookReadError;
      expect(err.message).not.toMatch(/\n/);
      // A path that leads to no file is named in full (where it was looked for); otherwise the name is enough.
      const shown = bytes === null ? file : name;
      expect(err.message).toContain(`无法读取文件 ${shown}：`);
      expect(err.message).toContain(`Cannot read ${shown}:`);
      return err;
    }
    throw new Error("expected a WorkbookReadError");
  }

  it("a truncated xlsx", async () => {
    const whole = fs.readFileSync(fixturePath("shijiazhuang-social-insurance-2023"));
    expect((await failure("truncated.xlsx", whole.subarray(0, whole.length >> 1))).reason).toBe("corrupt");
  });

  it("an xlsx with damaged bytes", async () => {
    const bytes = Buffer.from(fs.readFileSync(fixturePath("shijiazhuang-social-insurance-2023")));
    for (let i = 2000; i < 6000; i++) bytes[i] = (i * 7919) & 0xff;
    expect((await failure("damaged.xlsx", bytes)).reason).toBe("corrupt");
  });

  it("a text file", async () => {
    const err = await failure("notes.xlsx", Buffer.from("这不是表格 not a spreadsheet"));
    expect(err.reason).toBe("not-zip");
    expect(err.message).toBe(
      "无法读取文件 notes.xlsx：不是有效的 .xlsx 文件 / Cannot read notes.xlsx: not a valid .xlsx file",
    );
  });

  it("an empty file", async () => {
    expect((await failure("empty.xlsx", Buffer.alloc(0))).reason).toBe("empty");
  });

  it("a zip that is not a workbook", async () => {
    expect((await failure("archive.xlsx", makeZip({ "readme.txt": "hello" }))).reason).toBe("not-xlsx");
  });

  it("a password-protected (CFB container) file", async () => {
    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    expect((await failure("secret.xlsx", cfb)).reason).toBe("encrypted");
  });

  it("a missing file and a directory", async () => {
    expect((await failure("missing.xlsx", null)).reason).toBe("not-found");
    fs.mkdirSync(path.join(dir, "folder.xlsx"));
    expect((await failure("folder.xlsx", null)).reason).toBe("not-a-file");
  });
});
