/**
 * Variants derived from the published fixtures inside the tests (no edited copies): a real mistake is flagged at its
 * cell with expected/actual; harmless changes (text amounts, full-width digits, SUM formulas, blank rows, renamed or
 * shuffled sheets, all tables stacked on one sheet, codes split into 类/款/项 or joined with the name) change nothing.
 */
import { check, gist } from "../helpers/gist";
import type { GridWorkbook } from "../../src/core/grid";
import {
  FIXTURE_NAMES,
  amountsAsText,
  codeAndNameInOneCell,
  fullWidthDigits,
  insertBlankRow,
  loadFixture,
  renameSheets,
  setAmount,
  shuffleSheets,
  splitCodes,
  stackOnOneSheet,
  sumFormulas,
} from "../helpers/variants";
import { a1 } from "../../src/core/finding";


const CODED_SHEETS = ["收入总表", "支出总表", "一般公共预算支出表", "基本支出表"];

describe.each([...FIXTURE_NAMES])("%s", (name) => {
  let base: GridWorkbook;
  let baseline: string[];
  beforeAll(async () => {
    base = await loadFixture(name);
    baseline = gist(check(base).findings);
  });

  it("amounts typed as text with thousands separators: no new warning or error", () => {
    expect(gist(check(amountsAsText(base, { thousands: true })).findings)).toEqual(baseline);
  });

  it("amounts typed with full-width digits: no new warning or error", () => {
    expect(gist(check(fullWidthDigits(base)).findings)).toEqual(baseline);
  });

  it("shuffled sheet order and sheets renamed Sheet1…: the same findings", () => {
    expect(gist(check(shuffleSheets(base, 42)).findings)).toEqual(baseline);
    const renamed = check(renameSheets(base));
    expect(gist(renamed.findings)).toEqual(baseline);
    expect(renamed.tables.map((t) => t.kind)).toEqual(check(base).tables.map((t) => t.kind));
  });

  it("all tables stacked on one sheet: every table recognised, the same findings", () => {
    const stacked = check(stackOnOneSheet(base));
    expect(stacked.tables.map((t) => t.kind)).toEqual(check(base).tables.map((t) => t.kind));
    expect(new Set(stacked.tables.map((t) => t.sheet))).toEqual(new Set(["全部"]));
    expect(gist(stacked.findings)).toEqual(baseline);
  });

  it("a blank row inserted inside each coded table: the same findings", () => {
    let wb = base;
    for (const sheet of CODED_SHEETS) {
      const s = wb.sheets.find((x) => x.name === sheet);
      if (s) wb = insertBlankRow(wb, sheet, Math.min(8, s.values.length - 1));
    }
    expect(gist(check(wb).findings)).toEqual(baseline);
  });

  it("codes split into 类/款/项 columns, or written with the name in one cell: the same findings", () => {
    let split = base;
    let joined = base;
    for (const sheet of ["支出总表", "一般公共预算支出表"]) {
      if (!base.sheets.some((s) => s.name === sheet)) continue;
      try {
        split = splitCodes(split, sheet);
        joined = codeAndNameInOneCell(joined, sheet);
      } catch (e) {
        // The Henan layout already splits codes: nothing to split or join there.
        expect(String(e)).toMatch(/split/);
      }
    }
    expect(gist(check(split).findings)).toEqual(baseline);
    expect(gist(check(joined).findings)).toEqual(baseline);
  });
});

describe("Hebei fixture: totals as SUM formulas, and single mistakes", () => {
  const name = "hebei-qinhuangdao-social-insurance-2023";

  it("a 合计 written as =SUM(…) with the correct cached value adds no finding", async () => {
    const base = await loadFixture(name);
    const wb = sumFormulas(sumFormulas(base, "支出总表", "D7", ["D8", "D11", "D14"]), "收支总表", "C37", ["C6", "C7", "C8", "C9", "C10", "C11", "C12", "C13", "C14"]);
    expect(wb.sheets.find((s) => s.name === "支出总表")!.formulas![6][3]).toMatch(/^SUM\(/);
    expect(check(wb).findings).toEqual([]);
  });

  it("a 项 amount changed in 支出总表 is flagged at that cell with expected and actual", async () => {
    const wb = setAmount(await loadFixture(name), "支出总表", "E12", 25.79); // 2080502 基本支出, published 24.79
    const errors = check(wb).findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const atCell = errors.filter((f) => f.cells[0].sheet === "支出总表" && a1(f.cells[0]) === "E12");
    // Its row sum and its 款 read it: one finding listing both, with the value that settles both as the quick fix.
    expect(atCell).toHaveLength(1);
    expect([atCell[0].rule, ...(atCell[0].also ?? [])]).toEqual(expect.arrayContaining(["table.columns-sum", "hierarchy.sum"]));
    expect([atCell[0].expected, atCell[0].actual, atCell[0].fix]).toEqual(["24.79", "25.79", "24.79"]);
  });

  it("a 收支总表 income item changed is flagged at that cell", async () => {
    const wb = setAmount(await loadFixture(name), "收支总表", "C6", 2186.92);
    const errors = check(wb).findings.filter((f) => f.severity === "error");
    expect(errors.some((f) => a1(f.cells[0]) === "C6" && f.expected === "2185.92" && f.actual === "2186.92")).toBe(true);
  });

  it("a 三公 公务接待费 below 基本支出表 30217 is flagged; above it is allowed (三公 may include 项目支出)", async () => {
    // 公务接待费 ±0.50 with the 三公 table kept consistent (小计 and 合计 follow): only the cross-table rule can break.
    const base = await loadFixture(name);
    const shift = (delta: number) => {
      let wb = base;
      for (const address of ["C14", "D14", "C7", "D7", "C6", "D6"]) {
        const v = wb.sheets.find((s) => s.name === "三公经费支出表")!.values[Number(address.slice(1)) - 1][address.charCodeAt(0) - 65] as number;
        wb = setAmount(wb, "三公经费支出表", address, Math.round((v + delta) * 100) / 100);
      }
      return check(wb).findings.filter((x) => x.severity !== "info");
    };
    expect(shift(+0.5)).toEqual([]);
    const found = shift(-0.5);
    expect(found.map((x) => x.rule)).toEqual(["cross.basic-three-public"]);
    expect(found[0].cells.map((c) => `${c.sheet}!${a1(c)}`)).toEqual(["基本支出表!D24", "三公经费支出表!D14"]);
    expect(found[0].severity).toBe("error");
  });

  it("an error value or a typo in an amount cell is reported naming sheet and cell, without a crash", async () => {
    let wb = setAmount(await loadFixture(name), "支出总表", "E9", { error: "#REF!" });
    wb = setAmount(wb, "支出总表", "F9", "62,7.4");
    const f = check(wb).findings;
    expect(f.find((x) => x.rule === "cell.error-value")?.cells[0]).toEqual({ sheet: "支出总表", row: 8, col: 4 });
    expect(f.find((x) => x.rule === "cell.not-a-number")?.cells[0]).toEqual({ sheet: "支出总表", row: 8, col: 5 });
  });
});

describe("code layouts that once confused recognition", () => {
  it("类/款/项 columns under an unmerged header (功能分类科目 over 类 only) read as one code", async () => {
    const wb = splitCodes(await loadFixture("shijiazhuang-social-insurance-2023"), "收入总表");
    const s = wb.sheets.find((x) => x.name === "收入总表")!;
    s.merges = s.merges.filter((m) => !(m.top === 2 && m.left === 1));
    expect(gist(check(wb).findings)).toEqual(gist(check(await loadFixture("shijiazhuang-social-insurance-2023")).findings));
  });

  it("“code name” in one cell beside a 政府经济分类 code column: the 部门经济分类 code stays primary", async () => {
    const base = await loadFixture("henan-yibin-social-security-2022");
    const wb = codeAndNameInOneCell(base, "基本支出表");
    expect(gist(check(wb).findings)).toEqual(gist(check(base).findings));
  });
});
