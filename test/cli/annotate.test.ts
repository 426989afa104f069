import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/core/finding";
import { annotateWorkbook, MARK_FILLS, noteText, noteToText } from "../../src/cli/annotate";
import { readXlsxFile } from "../../src/cli/xlsx-grid";
import { fixturePath } from "../helpers/fixtures";

const SAMPLE = fixturePath("shijiazhuang-social-insurance-2023");

const warning: Finding = {
  rule: "cross.basic-vs-function",
  severity: "warning",
  message: "30110 与 2101101+2101102 基本支出不一致",
  messageEn: "30110 does not match 2101101 + 2101102",
  cells: [
    { sheet: "基本支出表", address: "D12" },
    { sheet: "一般公共预算支出表", address: "E20" },
  ],
  expected: "150.62",
  actual: "84.50",
};
const errorOnD12: Finding = {
  rule: "hierarchy.sum",
  severity: "error",
  message: "类合计与所属款之和不符",
  messageEn: "Class total does not equal the sum of its items",
  cells: [
    { sheet: "基本支出表", address: "D12" },
    { sheet: "基本支出表", address: "D13" },
  ],
  expected: "1.00",
  actual: "2.00",
};
const info: Finding = {
  rule: "money.text",
  severity: "info",
  message: "数字以文本形式存储",
  messageEn: "Number stored as text",
  cells: [{ sheet: "收支总表", address: "B7" }],
};

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === "pattern" ? f.fgColor?.argb : undefined;
}

describe("annotateWorkbook", () => {
  let dir: string;
  let out: ExcelJS.Workbook;
  let outFile: string;
  const inputBytes = fs.readFileSync(SAMPLE);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "annotate-"));
    const input = path.join(dir, "in.xlsx");
    // Give one finding cell a note of its own first, to check that ours is appended.
    const pre = new ExcelJS.Workbook();
    await pre.xlsx.load(inputBytes as unknown as ExcelJS.Buffer);
    pre.getWorksheet("一般公共预算支出表")!.getCell("C8").note = "会计备注：已核对";
    await pre.xlsx.writeFile(input);

    outFile = path.join(dir, "out.xlsx");
    const noteOnC8: Finding = { ...warning, cells: [{ sheet: "一般公共预算支出表", address: "C8" }] };
    const ghost: Finding = { ...warning, cells: [{ sheet: "没有这张表", address: "A1" }] };
    const summary = await annotateWorkbook(input, outFile, [warning, errorOnD12, info, noteOnC8, ghost]);
    expect(summary.noted).toBe(2);
    expect(summary.skipped).toEqual([{ sheet: "没有这张表", address: "A1" }]);
    out = new ExcelJS.Workbook();
    await out.xlsx.readFile(outFile);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("never replaces a file that is already there unless told to (O_EXCL, not just the CLI's check)", async () => {
    const taken = path.join(dir, "taken.xlsx");
    fs.writeFileSync(taken, "mine");
    await expect(annotateWorkbook(SAMPLE, taken, [warning])).rejects.toThrow(/EEXIST/);
    expect(fs.readFileSync(taken, "utf8")).toBe("mine");
    await annotateWorkbook(SAMPLE, taken, [warning], { overwrite: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(taken);
    expect(noteToText(wb.getWorksheet("基本支出表")!.getCell("D12").note)).toContain(warning.message);
  });

  it("fills the first cell of an error red; an error outranks a warning on the same cell", () => {
    expect(fillOf(out.getWorksheet("基本支出表")!.getCell("D12"))).toBe(MARK_FILLS.errorCell);
  });

  it("tints the other cells a finding read", () => {
    expect(fillOf(out.getWorksheet("基本支出表")!.getCell("D13"))).toBe(MARK_FILLS.errorRead);
    expect(fillOf(out.getWorksheet("一般公共预算支出表")!.getCell("E20"))).toBe(MARK_FILLS.warningRead);
  });

  it("lists every finding naming a cell in one bilingual note", () => {
    const note = noteToText(out.getWorksheet("基本支出表")!.getCell("D12").note);
    expect(note).toContain("1. [错误 error]");
    expect(note).toContain("2. [警告 warning]");
    expect(note).toContain(errorOnD12.message);
    expect(note).toContain(warning.messageEn);
    expect(note).toContain("应为 expected: 150.62");
    expect(note).toContain("实为 actual: 84.50");
  });

  it("appends to a note the user already had", () => {
    const c8 = out.getWorksheet("一般公共预算支出表")!.getCell("C8");
    const note = noteToText(c8.note);
    expect(note.startsWith("会计备注：已核对")).toBe(true);
    expect(note).toContain(warning.message);
    expect(fillOf(c8)).toBe(MARK_FILLS.warningCell);
  });

  it("leaves info findings and unrelated cells alone, even cells sharing the marked cell's style", () => {
    expect(out.getWorksheet("收支总表")!.getCell("B7").note).toBeUndefined();
    expect(fillOf(out.getWorksheet("收支总表")!.getCell("B7"))).toBeUndefined();
    // D11 and D14 were loaded with the same style object as D12.
    expect(fillOf(out.getWorksheet("基本支出表")!.getCell("D11"))).toBeUndefined();
    expect(fillOf(out.getWorksheet("基本支出表")!.getCell("D14"))).toBeUndefined();
  });

  it("keeps every value, merge and sheet of the workbook, and never touches the input", async () => {
    const before = await readXlsxFile(SAMPLE);
    const after = await readXlsxFile(outFile);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    after.sheets.forEach((s, i) => {
      expect(s.values).toEqual(before.sheets[i].values);
      expect(s.merges.length).toBe(before.sheets[i].merges.length);
    });
    expect(fs.readFileSync(SAMPLE).equals(inputBytes)).toBe(true);
  });
});

describe("annotateWorkbook keeps formulas", () => {
  it("shared, array and plain formulas and their cached values survive", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "annotate-f-"));
    try {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("表");
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("A3").value = { formula: "SUM(A1:A2)", result: 3 };
      ws.fillFormula("B1:B3", "A1*2", [2, 4, 6]);
      (ws as unknown as { fillFormula(r: string, f: string, v: number[], t: string): void }).fillFormula(
        "C1:C2",
        "A1:A2*3",
        [3, 6],
        "array",
      );
      const input = path.join(dir, "f.xlsx");
      await wb.xlsx.writeFile(input);
      const finding: Finding = {
        ...errorOnD12,
        cells: [
          { sheet: "表", address: "A3" },
          { sheet: "表", address: "B2" },
        ],
      };
      await annotateWorkbook(input, path.join(dir, "out.xlsx"), [finding]);
      const before = (await readXlsxFile(input)).sheets[0];
      const after = (await readXlsxFile(path.join(dir, "out.xlsx"))).sheets[0];
      expect(after.values).toEqual(before.values);
      expect(after.formulas).toEqual(before.formulas);
      expect(after.formulas?.[2]?.[1]).toBe("A3*2");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("noteText", () => {
  it("a single finding has no numbering and respects the language", () => {
    expect(noteText([warning], "en")).toBe(
      "Budget table check\n[warning]\n30110 does not match 2101101 + 2101102\nexpected: 150.62\nactual: 84.50",
    );
    expect(noteText([warning], "zh")).not.toContain("expected");
  });
});
