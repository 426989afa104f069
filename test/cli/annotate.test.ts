import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/core/finding";
import { checkWorkbook } from "../../src/core/engine";
import { getCatalogueSync } from "../../src/core/catalogue/sync";
import { MARK_PREFIX, NOTE_LIMIT, NOTE_MAX_CHARS, noteText, type CellMark } from "../../src/core/report/mark-plan";
import { annotateWorkbook } from "../../src/cli/annotate";
import { argbOf } from "../../src/xlsx/annotate/annotate-xlsx";
import { readXlsxFile } from "../../src/cli/xlsx-grid";
import { MemoryHost } from "../../src/host/memory-host";
import { fixturePath } from "../helpers/fixtures";
import { cellFormat, notesOf, sheetFormats, sheetParts, text, unzip, type Parts } from "../helpers/xlsx-parts";

const SAMPLE = fixturePath("shijiazhuang-social-insurance-2023");

const warning: Finding = {
  rule: "cross.basic-function",
  severity: "warning",
  message: "30110 与 2101101+2101102 基本支出不一致",
  messageEn: "30110 does not match 2101101 + 2101102",
  cells: [
    { sheet: "基本支出表", row: 11, col: 3 },
    { sheet: "一般公共预算支出表", row: 19, col: 4 },
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
    { sheet: "基本支出表", row: 11, col: 3 },
    { sheet: "基本支出表", row: 12, col: 3 },
  ],
  expected: "1.00",
  actual: "2.00",
};
const info: Finding = {
  rule: "cell.number-as-text",
  severity: "info",
  message: "数字以文本形式存储",
  messageEn: "Number stored as text",
  cells: [{ sheet: "收支总表", row: 6, col: 1 }],
};

const fillAt = (parts: Parts, sheet: string, address: string) => cellFormat(parts, sheet, address).fillRgb;

describe("annotateWorkbook", () => {
  let dir: string;
  let out: Parts;
  let outFile: string;
  const inputBytes = fs.readFileSync(SAMPLE);
  let summary: Awaited<ReturnType<typeof annotateWorkbook>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "annotate-"));
    const input = path.join(dir, "in.xlsx");
    // Give one finding cell a note of its own first (as exceljs writes it), to check that ours is appended.
    const pre = new ExcelJS.Workbook();
    await pre.xlsx.load(inputBytes as unknown as ExcelJS.Buffer);
    pre.getWorksheet("一般公共预算支出表")!.getCell("C8").note = "会计备注：已核对";
    await pre.xlsx.writeFile(input);

    outFile = path.join(dir, "out.xlsx");
    const noteOnC8: Finding = { ...warning, cells: [{ sheet: "一般公共预算支出表", row: 7, col: 2 }] };
    const ghost: Finding = { ...warning, cells: [{ sheet: "没有这张表", row: 0, col: 0 }] };
    summary = await annotateWorkbook(input, outFile, [warning, errorOnD12, info, noteOnC8, ghost]);
    out = unzip(fs.readFileSync(outFile));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("counts marked and noted cells and names the cells it could not find", () => {
    expect(summary.marked).toBe(2);
    expect(summary.noted).toBe(2);
    expect(summary.skipped).toEqual([{ sheet: "没有这张表", row: 0, col: 0 }]);
    expect(summary.unnoted).toEqual([]);
  });

  it("never replaces a file that is already there unless told to (not just the CLI's check)", async () => {
    const taken = path.join(dir, "taken.xlsx");
    fs.writeFileSync(taken, "mine");
    await expect(annotateWorkbook(SAMPLE, taken, [warning])).rejects.toThrow(/already exists; add --force/);
    expect(fs.readFileSync(taken, "utf8")).toBe("mine");
    await annotateWorkbook(SAMPLE, taken, [warning], { overwrite: true });
    expect((await readXlsxFile(taken)).sheets.length).toBeGreaterThan(0);
    const leftovers = fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));
    expect(leftovers).toEqual([]);
  });

  it("fills the first cell of an error red; an error outranks a warning on the same cell", () => {
    expect(fillAt(out, "基本支出表", "D12")).toBe(argbOf("error"));
  });

  it("marks only the cell a finding names first, like the add-in (cells it merely read stay as they were)", () => {
    expect(fillAt(out, "基本支出表", "D13")).toBeUndefined();
    expect(fillAt(out, "一般公共预算支出表", "E20")).toBeUndefined();
  });

  it("lists every finding naming a cell in one note, in the add-in's words", () => {
    const note = notesOf(out, "基本支出表").get("D12");
    expect(note).toBe(noteText([warning, errorOnD12]));
    expect(note).toBe(`${MARK_PREFIX}警告：${warning.message}（应为 150.62，实为 84.50）\n错误：${errorOnD12.message}（应为 1.00，实为 2.00）`);
  });

  it("appends to a note the user already had", () => {
    const note = notesOf(out, "一般公共预算支出表").get("C8") as string;
    expect(note.startsWith("会计备注：已核对\n\n")).toBe(true);
    expect(note.endsWith(`${MARK_PREFIX}警告：${warning.message}（应为 150.62，实为 84.50）`)).toBe(true);
    expect(fillAt(out, "一般公共预算支出表", "C8")).toBe(argbOf("warning"));
  });

  it("a copy annotated again (the unit sent back the marked copy): each note ours once, with the new findings; the user's text kept", async () => {
    const again = path.join(dir, "again.xlsx");
    const changed: Finding = { ...warning, cells: [{ sheet: "一般公共预算支出表", row: 7, col: 2 }], expected: "150.00", actual: "84.50" };
    await annotateWorkbook(outFile, again, [warning, errorOnD12, changed]);
    const second = unzip(fs.readFileSync(again));
    const first = notesOf(out, "基本支出表");
    expect(notesOf(second, "基本支出表")).toEqual(first);
    const note = notesOf(second, "一般公共预算支出表").get("C8") as string;
    expect(note).toBe(`会计备注：已核对\n\n${MARK_PREFIX}警告：${warning.message}（应为 150.00，实为 84.50）`);
    expect(note.split(MARK_PREFIX)).toHaveLength(2);
  });

  it("counts the cells of an annotated copy whose earlier note this check no longer explains", async () => {
    const again = path.join(dir, "again-fixed.xlsx");
    // The unit fixed 一般公共预算支出表!C8 (nothing there now); the warning on 基本支出表!D12 stands.
    const s = await annotateWorkbook(outFile, again, [warning]);
    expect(s.staleNotes).toBe(1);
    expect(summary.staleNotes).toBe(0);
  });

  it("leaves info findings and unrelated cells alone, even cells sharing the marked cell's style", () => {
    expect(notesOf(out, "收支总表").get("B7")).toBeUndefined();
    expect(fillAt(out, "收支总表", "B7")).toBeUndefined();
    expect(cellFormat(out, "基本支出表", "D11").s).toBe(cellFormat(out, "基本支出表", "D13").s);
    expect(fillAt(out, "基本支出表", "D11")).toBeUndefined();
    expect(fillAt(out, "基本支出表", "D14")).toBeUndefined();
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
      const finding: Finding = { ...errorOnD12, cells: [{ sheet: "表", row: 2, col: 0 }] };
      const second: Finding = { ...errorOnD12, cells: [{ sheet: "表", row: 1, col: 1 }] };
      await annotateWorkbook(input, path.join(dir, "out.xlsx"), [finding, second]);
      const before = (await readXlsxFile(input)).sheets[0];
      const after = (await readXlsxFile(path.join(dir, "out.xlsx"))).sheets[0];
      expect(after.values).toEqual(before.values);
      expect(after.formulas).toEqual(before.formulas);
      expect(after.formulas?.[2]?.[1]).toBe("A3*2");
      // Only the s= of the two cells changed in the sheet, and a legacyDrawing points at the new notes' boxes.
      const [a, b] = [unzip(fs.readFileSync(input)), unzip(fs.readFileSync(path.join(dir, "out.xlsx")))];
      const part = sheetParts(a).get("表") as string;
      const strip = (xml: string) => xml.replace(/(<c r="(A3|B2)"[^>]*?) s="\d+"/g, "$1").replace(/<legacyDrawing r:id="rId\d+"\/>/, "");
      expect(strip(text(b, part))).toBe(strip(text(a, part)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every cell the copy marks (a mark colour it did not have before) and every note of ours, as the plan's CellMarks. */
function marksInCopy(before: Parts, after: Parts): CellMark[] {
  const colours = new Map([
    [argbOf("error"), "error"],
    [argbOf("warning"), "warning"],
  ] as const);
  const out: CellMark[] = [];
  for (const sheet of sheetParts(after).keys()) {
    const notes = notesOf(after, sheet);
    const [was, now] = [sheetFormats(before, sheet), sheetFormats(after, sheet)];
    for (const address of now.addresses) {
      const severity = colours.get(now.at(address).fillRgb ?? "");
      if (!severity || was.at(address).fillRgb === now.at(address).fillRgb) continue;
      const note = notes.get(address) ?? "";
      out.push({ sheet, address, severity, note: note.startsWith(MARK_PREFIX) ? note : "" });
    }
  }
  return out;
}

const byCell = (a: CellMark, b: CellMark) => (a.sheet + a.address < b.sheet + b.address ? -1 : 1);

describe("--annotate and the add-in mark the same cells the same way (issue 17: one mark plan)", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "annotate-plan-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the checker's own findings plus stacked, long and info findings: same cells, severities and notes", async () => {
    const grid = await readXlsxFile(SAMPLE);
    const real = checkWorkbook(grid, { catalogue: getCatalogueSync() }).findings;
    expect(real.length).toBeGreaterThan(0);
    const long: Finding = { ...warning, message: "很长的说明".repeat(80), cells: [{ sheet: "收支总表", row: 8, col: 1 }] };
    const findings = [...real, errorOnD12, warning, info, long];
    const out = path.join(dir, "plan.xlsx");
    await annotateWorkbook(SAMPLE, out, findings);

    const host = new MemoryHost(grid);
    await host.writeHighlights(findings);
    const addIn = host.marks().cells.sort(byCell);
    const cli = marksInCopy(unzip(fs.readFileSync(SAMPLE)), unzip(fs.readFileSync(out))).sort(byCell);
    expect(cli).toEqual(addIn.map(({ sheet, address, severity, note }) => ({ sheet, address, severity, note })));
    expect(cli.find((m) => m.address === "B9")?.note.length).toBe(NOTE_MAX_CHARS);
  });

  it(`past NOTE_LIMIT (${NOTE_LIMIT}) cells are filled without a note, as in the add-in`, async () => {
    const grid = await readXlsxFile(SAMPLE);
    const many: Finding[] = Array.from({ length: NOTE_LIMIT + 5 }, (_, i) => ({
      ...errorOnD12,
      cells: [{ sheet: "基本支出表", row: i, col: 7 }],
    }));
    const out = path.join(dir, "many.xlsx");
    const s = await annotateWorkbook(SAMPLE, out, many);
    expect(s.marked).toBe(NOTE_LIMIT + 5);
    expect(s.noted).toBe(NOTE_LIMIT);
    const host = new MemoryHost(grid);
    await host.writeHighlights(many);
    const cli = marksInCopy(unzip(fs.readFileSync(SAMPLE)), unzip(fs.readFileSync(out))).sort(byCell);
    expect(cli).toEqual(host.marks().cells.map(({ sheet, address, severity, note }) => ({ sheet, address, severity, note })).sort(byCell));
  });
});
