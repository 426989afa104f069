/**
 * Bad-input corpus (issue 8), generated here — no hand-edited binaries. Every input goes through the CLI path (.xlsx
 * bytes → readXlsxBuffer/runCheck → checkWorkbook) and the core path (grid → checkWorkbook / CheckSession). For each:
 * no crash, no hang (jest's per-test timeout is the bound; no timing assertions), and either a finding naming the sheet
 * and cell, or — for files that cannot be read — exit code 2 with one line on stderr naming the file.
 */
import fs from "node:fs";
import path from "node:path";
import { parseA1, toA1 } from "../../src/core/address";
import { readXlsxBuffer } from "../../src/cli/xlsx-grid";
import { gridToXlsx } from "../helpers/grid-to-xlsx";
import { WorkbookReadError, type ReadFailure } from "../../src/cli/workbook-read-error";
import { MAX_MESSAGE_LENGTH, MAX_VALUE_LENGTH, type CheckResult } from "../../src/core/finding";
import type { CellValue, GridSheet, GridWorkbook } from "../../src/core/grid";
import { CheckSession } from "../../src/core/session";
import { refersToCell } from "../../src/core/rules/cell-rules";
import { getSheet, insertBlankRow, setAmount, stackOnOneSheet } from "../helpers/variants";
import { makeZip } from "../helpers/zip";
import {
  baseWorkbook,
  bothPaths,
  catalogue,
  checkCore,
  encryptedXlsx,
  findingsAt,
  firstCellIs,
  notInfo,
  runCli,
  sheetWithFormattedRows,
  tmpDir,
} from "./helpers";
import { a1 } from "../../src/core/finding";

const EXP = "支出总表";
const BASIC = "基本支出表";

/** Address of the cell in `col` (letter) on the row whose code column (B) holds `code`. */
function at(wb: GridWorkbook, sheet: string, code: string, col: string): string {
  const s = getSheet(wb, sheet);
  const row = s.values.findIndex((r) => r?.[1] === code);
  if (row < 0) throw new Error(`no row ${code} on ${sheet}`);
  return `${col}${row + 1}`;
}

function setFormat(wb: GridWorkbook, sheet: string, address: string, format: string): GridWorkbook {
  const out = structuredClone(wb);
  const s = getSheet(out, sheet);
  const { row, col } = parseA1(address);
  ((s.numberFormats ??= [])[row] ??= [])[col] = format;
  return out;
}

function setFormula(wb: GridWorkbook, sheet: string, address: string, formula: string): GridWorkbook {
  const out = structuredClone(wb);
  const s = getSheet(out, sheet);
  const { row, col } = parseA1(address);
  ((s.formulas ??= [])[row] ??= [])[col] = formula;
  return out;
}

/** A merge as Excel makes it: the covered cells lose their values (only the top-left one is kept). */
function mergeAsExcel(wb: GridWorkbook, sheet: string, ref: string): GridWorkbook {
  const out = structuredClone(wb);
  const s = getSheet(out, sheet);
  const [a, b] = ref.split(":").map(parseA1);
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) (s.values[r] ??= [])[c] = null;
  // Merging over merged cells replaces them, as Excel does.
  s.merges = s.merges.filter((m) => m.bottom < a.row || m.top > b.row || m.right < a.col || m.left > b.col);
  s.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  return out;
}

function deleteRow(wb: GridWorkbook, sheet: string, row: number): GridWorkbook {
  const out = structuredClone(wb);
  const s = getSheet(out, sheet);
  s.values.splice(row, 1);
  s.numberFormats?.splice(row, 1);
  s.formulas?.splice(row, 1);
  s.merges = s.merges.filter((m) => m.bottom < row || m.top > row).map((m) => (m.top > row ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : m));
  if (s.rowCount !== undefined) s.rowCount--;
  return out;
}

/** Every finding stays a readable size, whatever the cells hold. */
function expectBoundedFindings(r: CheckResult): void {
  for (const f of r.findings) {
    expect(f.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 1);
    expect(f.messageEn.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 1);
    expect((f.actual ?? "").length).toBeLessThanOrEqual(MAX_VALUE_LENGTH + 1);
    expect((f.expected ?? "").length).toBeLessThanOrEqual(MAX_VALUE_LENGTH + 1);
  }
  for (const t of r.tables) expect(t.title.length).toBeLessThanOrEqual(100);
}

const base = baseWorkbook();

describe("the base workbook", () => {
  it("checks clean on both paths (so every finding below comes from the bad input)", async () => {
    for (const [, r] of await bothPaths(base)) expect(notInfo(r)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Files that cannot be read: exit 2, one line on stderr naming the file, nothing on stdout.

describe("unreadable files → exit 2 and one line on stderr", () => {
  const dir = tmpDir();
  let valid: Buffer;
  beforeAll(async () => {
    valid = await gridToXlsx(base);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, () => Promise<Buffer> | Buffer, ReadFailure]> = [
    ["truncated .xlsx (first half of a valid file)", () => valid.subarray(0, Math.floor(valid.length / 2)), "corrupt"],
    ["truncated .xlsx (first 100 bytes)", () => valid.subarray(0, 100), "corrupt"],
    ["a valid zip whose workbook part is cut off", () => makeZip({ "[Content_Types].xml": "<Types", "xl/workbook.xml": "<workbook><sheets><sheet" }), "broken-part"],
    ["a text file named .xlsx", () => Buffer.from("科目编码,科目名称,合计\n2080505,机关事业单位基本养老保险缴费支出,232.20\n"), "not-zip"],
    ["a PDF named .xlsx", () => Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "not-zip"],
    ["an empty file", () => Buffer.alloc(0), "empty"],
    ["a zip that is not a workbook", () => makeZip({ "word/document.xml": "<w:document/>" }), "not-xlsx"],
    ["a password-protected .xlsx (CFB with EncryptionInfo)", () => encryptedXlsx(), "encrypted"],
    ["a workbook with no sheets", () => gridToXlsx({ sheets: [] }), "no-sheets"],
  ];

  it.each(cases)("%s", async (label, make, reason) => {
    const bytes = await make();
    // The reader classifies it…
    const err = await readXlsxBuffer(bytes, "bad.xlsx").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as WorkbookReadError).reason).toBe(reason);
    // …and the CLI says so in one line, naming the file, with exit code 2 and a clean stdout.
    const file = path.join(dir, `${label.replace(/[^\w]+/g, "-")}.xlsx`);
    fs.writeFileSync(file, bytes);
    for (const format of ["json", "text"]) {
      const run = await runCli([file, "--format", format]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.endsWith("\n")).toBe(true);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(path.basename(file));
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    }
  });

  it("the encrypted container is a well-formed CFB header (signature, version, byte order)", () => {
    const b = encryptedXlsx();
    expect([...b.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(b.readUInt16LE(28)).toBe(0xfffe);
    expect(b.includes(Buffer.from("EncryptionInfo", "utf16le"))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Readable but odd workbooks.

describe("empty workbooks", () => {
  it("one empty sheet: no tables, no findings, exit 0, and the report says no table was recognised", async () => {
    const wb: GridWorkbook = { sheets: [{ name: "Sheet1", values: [], merges: [] }] };
    for (const [, r] of await bothPaths(wb)) expect(r).toEqual({ tables: [], findings: [] });
    const dir = tmpDir();
    const file = path.join(dir, "empty-sheet.xlsx");
    fs.writeFileSync(file, await gridToXlsx(wb));
    const text = await runCli([file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("未识别到预算表");
    expect(text.stdout).toContain("no budget table recognised");
    const json = await runCli([file, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual({ file, tables: [], findings: [] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("no sheets at all in the core (the pane can hand over an empty grid)", () => {
    expect(checkCore({ sheets: [] })).toEqual({ tables: [], findings: [] });
    const session = new CheckSession({ sheets: [] }, { catalogue });
    expect(session.update({ kind: "sheet", sheet: { name: "新表", values: [[null]], merges: [] } }).result.findings).toEqual([]);
  });
});

describe("1,000,000 formatted empty rows", () => {
  const ROWS = 1_000_000;
  const wrong = at(base, EXP, "2080505", "E");
  const bad = setAmount(base, EXP, wrong, 1);

  it("CLI path: the reader keeps only the rows with content; the wrong amount above them is named", async () => {
    const bytes = sheetWithFormattedRows(getSheet(bad, EXP), ROWS);
    const grid = await readXlsxBuffer(bytes, "million.xlsx");
    const s = grid.sheets[0];
    // Bounded: the formatted rows below the table are not materialised in the grid.
    expect(s.rowCount).toBe(getSheet(base, EXP).rowCount);
    expect(s.values.length).toBeLessThanOrEqual(s.rowCount!);
    const r = new CheckSession(grid, { catalogue }).result();
    expect(r.tables.map((t) => [t.sheet, t.kind, t.range])).toEqual([[EXP, "expenditure", `A1:I${s.rowCount}`]]);
    expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, EXP, wrong))).toBe(true);
  }, 120_000);

  it("core path: a grid whose used range is 1,000,000 formatted rows (as Office.js reports it) checks in bounded time", () => {
    const wb = structuredClone(bad);
    const s = getSheet(wb, EXP);
    const width = s.colCount!;
    const numberFormats = (s.numberFormats ??= []);
    for (let r = s.values.length; r < ROWS; r++) {
      s.values.push(new Array<CellValue>(width).fill(null));
      numberFormats[r] = new Array<string>(width).fill("#,##0.00");
    }
    s.rowCount = ROWS;
    const r = checkCore(wb);
    const table = r.tables.find((t) => t.sheet === EXP)!;
    expect(table.range).toBe(`A1:I${getSheet(base, EXP).rowCount}`);
    expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, EXP, wrong))).toBe(true);
  }, 120_000);
});

describe("huge strings (1 MB)", () => {
  const big = "预".repeat(1 << 20);
  const amountCell = at(base, EXP, "2080505", "E");
  const labelCell = at(base, EXP, "2080505", "C");

  it("in an amount cell: cell.not-a-number at that cell, the message quotes only the start", async () => {
    const wb = setAmount(base, EXP, amountCell, big);
    for (const [, r] of await bothPaths(wb)) {
      const f = r.findings.find((x) => x.rule === "cell.not-a-number");
      expect(f && firstCellIs(f, EXP, amountCell)).toBe(true);
      expect(f!.message.length).toBeLessThan(200);
      expectBoundedFindings(r);
    }
  }, 60_000);

  it("in a title: the table is still recognised by its header; nothing quotes the megabyte", async () => {
    const wb = setAmount(setAmount(base, EXP, "A1", `单位预算支出总表${big}`), EXP, amountCell, 1);
    for (const [, r] of await bothPaths(wb)) {
      expect(r.tables.find((t) => t.sheet === EXP)?.kind).toBe("expenditure");
      expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, EXP, amountCell))).toBe(true);
      expectBoundedFindings(r);
    }
  }, 60_000);

  it("in a row label: catalogue.name-mismatch at that cell, bounded", async () => {
    const wb = setAmount(base, EXP, labelCell, big);
    for (const [, r] of await bothPaths(wb)) {
      expect(r.findings.some((f) => f.rule === "catalogue.name-mismatch" && firstCellIs(f, EXP, labelCell))).toBe(true);
      expectBoundedFindings(r);
    }
  }, 60_000);

  it("the CLI's JSON stays small and parseable", async () => {
    const dir = tmpDir();
    const file = path.join(dir, "big.xlsx");
    fs.writeFileSync(file, await gridToXlsx(setAmount(base, EXP, amountCell, big)));
    const run = await runCli([file, "--format", "json"]);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(100_000);
    expect(JSON.parse(run.stdout).findings.some((f: { rule: string; cells: { address: string }[] }) => f.rule === "cell.not-a-number" && f.cells[0].address === amountCell)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("error values in amount cells", () => {
  const cells: Array<[string, string, string]> = [
    [EXP, at(base, EXP, "2080505", "E"), "#REF!"],
    [EXP, at(base, EXP, "2080505", "D"), "#DIV/0!"],
    [BASIC, at(base, BASIC, "30101", "E"), "#N/A"],
  ];
  const wb = cells.reduce((w, [s, a, e]) => setAmount(w, s, a, { error: e }), base);

  it("cell.error-value (error) at each cell on both paths", async () => {
    for (const [, r] of await bothPaths(wb))
      for (const [sheet, address, error] of cells) {
        const f = r.findings.find((x) => x.rule === "cell.error-value" && firstCellIs(x, sheet, address));
        expect(f).toMatchObject({ severity: "error", actual: error });
        expect(f!.message).toContain(`${sheet}!${address}`);
      }
  });

  it("also when typed into a live session", () => {
    const session = new CheckSession(structuredClone(base), { catalogue });
    for (const [sheet, address, error] of cells) {
      const { row, col } = parseA1(address);
      session.update({ kind: "cells", sheet, range: { top: row, left: col, bottom: row, right: col }, values: [[{ error }]] });
    }
    for (const [sheet, address] of cells)
      expect(session.result().findings.some((f) => f.rule === "cell.error-value" && firstCellIs(f, sheet, address))).toBe(true);
  });

  it("the CLI exits 1 and names the cells", async () => {
    const dir = tmpDir();
    const file = path.join(dir, "errors.xlsx");
    fs.writeFileSync(file, await gridToXlsx(wb));
    const run = await runCli([file, "--format", "json"]);
    expect(run.code).toBe(1);
    const addresses = JSON.parse(run.stdout).findings.filter((f: { rule: string }) => f.rule === "cell.error-value").map((f: { cells: { sheet: string; address: string }[] }) => `${f.cells[0].sheet}!${f.cells[0].address}`);
    expect(addresses.sort()).toEqual(cells.map(([s, a]) => `${s}!${a}`).sort());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("dates and percentages in amount columns", () => {
  const dateCell = at(base, EXP, "2080505", "E");
  const pctCell = at(base, BASIC, "30101", "E");
  const wb = setFormat(setAmount(setFormat(setAmount(base, EXP, dateCell, 45000), EXP, dateCell, "yyyy-mm-dd"), BASIC, pctCell, 0.25), BASIC, pctCell, "0.00%");

  it("plausibility.percent names the date and the percentage; the sums they break are errors there too", async () => {
    for (const [, r] of await bothPaths(wb)) {
      expect(r.findings.find((f) => f.rule === "plausibility.percent" && firstCellIs(f, EXP, dateCell))?.message).toContain("日期");
      expect(r.findings.find((f) => f.rule === "plausibility.percent" && firstCellIs(f, BASIC, pctCell))?.message).toContain("百分比");
      expect(findingsAt(r, EXP, dateCell).some((f) => f.rule === "table.columns-sum" && f.severity === "error")).toBe(true);
    }
  });

  it("a date that happens to keep the sums (its serial is the amount) is still named", async () => {
    const serial = getSheet(base, EXP).values[parseA1(dateCell).row][parseA1(dateCell).col] as number;
    const keeps = setFormat(base, EXP, dateCell, "yyyy/m/d");
    expect(typeof serial).toBe("number");
    for (const [, r] of await bothPaths(keeps))
      expect(notInfo(r).map((f) => [f.rule, a1(f.cells[0])])).toEqual([["plausibility.percent", dateCell]]);
  });
});

describe("circular formulas", () => {
  const cell = at(base, EXP, "2080505", "E");
  const { row } = parseA1(cell);

  it("a formula reading its own cell, with a cached value that keeps every sum, is named (cell.circular-formula)", async () => {
    for (const formula of [cell, `SUM(E${row}:${cell})`, `$E$${row + 1}*1`, `'${EXP}'!${cell}+0`]) {
      const wb = setFormula(base, EXP, cell, formula);
      for (const [, r] of await bothPaths(wb)) {
        expect(notInfo(r).map((f) => [f.rule, f.severity, f.cells[0].sheet, a1(f.cells[0])])).toEqual([
          ["cell.circular-formula", "error", EXP, cell],
        ]);
      }
    }
  });

  it("with a stale cached 0 it is named and so are the sums it breaks", async () => {
    const wb = setFormula(setAmount(base, EXP, cell, 0), EXP, cell, `${cell}+1`);
    for (const [, r] of await bothPaths(wb)) {
      const rules = findingsAt(r, EXP, cell).map((f) => f.rule);
      expect(rules).toEqual(expect.arrayContaining(["cell.circular-formula", "table.columns-sum"]));
    }
  });

  it("typed live (CheckSession.update with the formula) it is named, and cleared when the formula goes", () => {
    const session = new CheckSession(structuredClone(base), { catalogue });
    const range = { top: row, left: parseA1(cell).col, bottom: row, right: parseA1(cell).col };
    const value = getSheet(base, EXP).values[range.top][range.left];
    const on = session.update({ kind: "cells", sheet: EXP, range, values: [[value]], formulas: [[cell]] });
    expect(notInfo(on.result).map((f) => [f.rule, a1(f.cells[0])])).toEqual([["cell.circular-formula", cell]]);
    const off = session.update({ kind: "cells", sheet: EXP, range, values: [[value]], formulas: [[null]] });
    expect(notInfo(off.result)).toEqual([]);
  });

  it("only direct self-references count", () => {
    const yes = ["E10", "e10", "$E$10", "E$10", "SUM(E1:E10)", "SUM(E10:E1)", "SUM(A1:Z99)", "Sheet!E10", "'My Sheet'!E10+1", "IF(E10>0,E10,0)"];
    const no = ["E100", "E1", "SUM(E1:E9)", "Other!E10", "'Other sheet'!E10", '"E10"', "LOG10(2)", "F10", "AE10", "E10A"];
    for (const f of yes) expect([f, refersToCell(f, f.includes("My Sheet") ? "My Sheet" : "Sheet", 9, 4)]).toEqual([f, true]);
    for (const f of no) expect([f, refersToCell(f, "Sheet", 9, 4)]).toEqual([f, false]);
    expect(toA1(9, 4)).toBe("E10");
  });
});

describe("merged cells across header and data", () => {
  it("a header merged down into the data (values under it lost, as in Excel) is named at the cells it blanked", async () => {
    const header = getSheet(base, EXP).values.findIndex((r) => r?.includes("项目支出"));
    const totalRow = header + 3; // header, 2nd header row, 栏次, then 合计
    const ref = `F${header + 1}:F${totalRow + 2}`;
    const wb = mergeAsExcel(base, EXP, ref);
    for (const [name, r] of await bothPaths(wb)) {
      expect([name, r.tables.find((t) => t.sheet === EXP)?.kind]).toEqual([name, "expenditure"]);
      // The 合计 row's 项目支出 is now blank: its row sum and column sum break there.
      const blanked = `F${totalRow + 1}`;
      expect([name, r.findings.some((f) => f.severity === "error" && f.cells.some((c) => c.sheet === EXP && a1(c) === blanked))]).toEqual([name, true]);
    }
  });

  it("a merge covering code and name cells of data rows", async () => {
    const first = at(base, EXP, "208", "B");
    const { row } = parseA1(first);
    const wb = mergeAsExcel(base, EXP, `B${row + 1}:C${row + 2}`);
    for (const [, r] of await bothPaths(wb)) expect(notInfo(r).some((f) => f.cells.some((c) => c.sheet === EXP))).toBe(true);
  });
});

describe("duplicated tables", () => {
  it("the same table on two sheets: document.duplicate-table names both", async () => {
    const wb = structuredClone(base);
    const copy = structuredClone(getSheet(wb, EXP));
    copy.name = `${EXP} (2)`;
    wb.sheets.push(copy);
    for (const [, r] of await bothPaths(wb)) {
      const f = r.findings.find((x) => x.rule === "document.duplicate-table");
      expect(f?.cells).toEqual([
        { sheet: `${EXP} (2)`, row: 0, col: 0 },
        { sheet: EXP, row: 0, col: 0 },
      ]);
    }
  });

  it("the same table twice on one sheet, the second one different: named, and only the first is cross-checked", async () => {
    const two: GridWorkbook = { sheets: [getSheet(base, EXP), getSheet(setAmount(base, EXP, at(base, EXP, "2080505", "E"), 1), EXP)] };
    two.sheets[1] = { ...two.sheets[1], name: "copy" };
    const stacked = stackOnOneSheet(two, { name: "全部" });
    const secondTop = getSheet(base, EXP).rowCount! + 2;
    for (const [, r] of await bothPaths(stacked)) {
      expect(r.findings.find((f) => f.rule === "document.duplicate-table")?.cells).toEqual([
        { sheet: "全部", row: secondTop, col: 0 },
        { sheet: "全部", row: 0, col: 0 },
      ]);
      const moved = `E${parseA1(at(base, EXP, "2080505", "E")).row + secondTop + 1}`;
      expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, "全部", moved))).toBe(true);
    }
  });
});

describe("a table without its 合计 row", () => {
  it("document.missing-total-row names where the 合计 row belongs; the rows are still checked", async () => {
    const s = getSheet(base, EXP);
    const totalRow = s.values.findIndex((r) => r?.[2] === "合计");
    const wb = deleteRow(base, EXP, totalRow);
    for (const [, r] of await bothPaths(wb)) {
      expect(notInfo(r).map((f) => [f.rule, f.severity, f.cells[0].sheet, a1(f.cells[0])])).toEqual([
        ["document.missing-total-row", "warning", EXP, `C${totalRow + 1}`],
      ]);
    }
    const wrong = deleteRow(setAmount(base, EXP, at(base, EXP, "2080505", "E"), 1), EXP, totalRow);
    const moved = `E${parseA1(at(base, EXP, "2080505", "E")).row}`;
    for (const [, r] of await bothPaths(wrong)) expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, EXP, moved))).toBe(true);
  });
});

describe("codes with spaces or full-width digits", () => {
  const code = at(base, EXP, "2080505", "B");
  const amount = at(base, EXP, "2080505", "E");
  const spellings = ["208 05 05", " 2080505 ", "２０８０５０５", "２０８　０５　０５", "2080505\u00a0"];

  it.each(spellings)("%j is read as 2080505: clean, and a wrong amount on its row is named", async (spelled) => {
    const wb = setAmount(base, EXP, code, spelled);
    for (const [, r] of await bothPaths(wb)) expect(notInfo(r)).toEqual([]);
    const wrong = setAmount(wb, EXP, amount, 1);
    for (const [, r] of await bothPaths(wrong)) {
      expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, EXP, amount))).toBe(true);
      // The parent 款 20805 is the other side of the hierarchy identity: the code was placed in the tree.
      expect(r.findings.some((f) => [f.rule, ...(f.also ?? [])].includes("hierarchy.sum") && f.cells.some((c) => a1(c) === at(base, EXP, "20805", "E")))).toBe(true);
    }
  });
});

describe("no crash on odd cell types anywhere", () => {
  it("booleans, errors and huge numbers in headers, codes and labels", async () => {
    let wb = base;
    const s: GridSheet = getSheet(base, EXP);
    const header = s.values.findIndex((r) => r?.includes("基本支出"));
    wb = setAmount(wb, EXP, `E${header + 1}`, { error: "#NAME?" });
    wb = setAmount(wb, EXP, at(base, EXP, "208", "B"), true);
    wb = setAmount(wb, EXP, at(base, EXP, "2080505", "C"), 1e308);
    wb = setAmount(wb, BASIC, at(base, BASIC, "30101", "E"), Number.MAX_SAFE_INTEGER);
    for (const [, r] of await bothPaths(wb)) {
      expect(r.findings.length).toBeGreaterThan(0);
      for (const f of r.findings) expect(f.cells.length).toBeGreaterThan(0);
      expectBoundedFindings(r);
    }
  });
});

describe("a blank row between the two header rows", () => {
  it("does not end the header: the table is read as before and a wrong amount is still named", async () => {
    const header = getSheet(base, EXP).values.findIndex((r) => r?.includes("基本支出"));
    const wrong = at(base, EXP, "2080505", "E");
    const moved = `E${parseA1(wrong).row + 2}`;
    const wb = insertBlankRow(setAmount(base, EXP, wrong, 1), EXP, header + 1);
    for (const [, r] of await bothPaths(wb)) {
      expect(r.tables.find((t) => t.sheet === EXP)?.kind).toBe("expenditure");
      expect(r.findings.filter((f) => f.severity === "error").every((f) => f.cells.some((c) => a1(c) === moved) || f.cells[0].sheet !== EXP)).toBe(true);
      expect(r.findings.some((f) => f.severity === "error" && firstCellIs(f, EXP, moved))).toBe(true);
    }
    for (const [, r] of await bothPaths(insertBlankRow(base, EXP, header + 1))) expect(notInfo(r)).toEqual([]);
  });
});
