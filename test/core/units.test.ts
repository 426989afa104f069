/**
 * Units and precision per table (spec §2): each table in its stated unit, cross-table identities converted, rounding
 * bounds by displayed precision; a table whose amounts contradict its stated unit is the root cause, alone.
 */
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";
import { formatAmounts, loadFixture, scaleSheet, setAmount } from "../helpers/variants";
import { rulesOf } from "./build";
import { a1 } from "../../src/core/finding";

const HEBEI = "hebei-qinhuangdao-social-insurance-2023";
const PUTUO = "shanghai-putuo-commerce-unit-2025";
const at = (f: Finding) => `${f.cells[0].sheet}!${a1(f.cells[0])}`;
const shown = (wb: GridWorkbook) => checkWorkbook(wb).findings.filter((f) => f.severity !== "info");

describe("上海 预算 workbook: 元 tables and a 三公 table in 万元", () => {
  it("recognises the nine kinds and reports no error or warning", async () => {
    const result = checkWorkbook(await loadFixture(PUTUO));
    expect(result.tables.map((t) => t.kind)).toEqual([
      "summary",
      "revenue",
      "expenditure",
      "fiscal-summary",
      "general-expenditure",
      "fund-expenditure",
      "state-capital-expenditure",
      "basic-expenditure",
      "three-public",
    ]);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.findings.find((f) => f.rule === "document.unit-mismatch")?.severity).toBe("info");
  });

  it("30217 may be below the 三公 公务接待费 (万元), within 50 元 above it, not beyond", async () => {
    const sheet = "一般公共预算基本支出部门预算经济分类预算表";
    // D24 = 30217 公务接待费 (10,000.00 元 = 三公 1.00 万元); its 302 class and totals follow so only the cross rule reads it.
    const move = async (delta: number) => {
      let wb = await loadFixture(PUTUO);
      for (const a of ["D24", "F24", "D16", "F16", "D36", "F36"]) {
        const v = wb.sheets.find((s) => s.name === sheet)!.values[Number(a.slice(1)) - 1][a.charCodeAt(0) - 65] as number;
        wb = setAmount(wb, sheet, a, v + delta);
      }
      return shown(wb).filter((f) => f.rule === "cross.basic-three-public");
    };
    expect(await move(-2000)).toEqual([]);
    expect(await move(+49)).toEqual([]);
    const beyond = await move(+51);
    expect(beyond.map((f) => [at(f), f.severity, f.expected, f.actual])).toEqual([[`${sheet}!D24`, "error", "10000.00", "10051.00"]]);
    expect(beyond[0].message).toContain("元");
  });

  it("人员经费/公用经费 of the 财务收支预算总表 = the 基本支出表's totals", async () => {
    // 101,200 元 moved from 人员经费 to 公用经费 in the summary's 支出总计 row: its own row sum still holds.
    let wb = await loadFixture(PUTUO);
    wb = setAmount(wb, "财务收支预算总表", "E18", 18120593 - 101200);
    wb = setAmount(wb, "财务收支预算总表", "F18", 1710062 + 101200);
    // Each cell is also its column's 支出总计: the two checks fold into one finding per cell, agreeing on the value.
    const found = shown(wb).filter((f) => rulesOf(f).some((r) => r.startsWith("cross.summary-basic")));
    expect(found.map((f) => [rulesOf(f).find((r) => r.startsWith("cross.summary-basic")), at(f), f.expected])).toEqual([
      ["cross.summary-basic-personnel", "财务收支预算总表!E18", "18120593.00"],
      ["cross.summary-basic-public-use", "财务收支预算总表!F18", "1710062.00"],
    ]);
  });

  it("a table shown in whole 元 (#,##0) allows 0.5 元 per term; with 2 decimals the same 1 元 is an error", async () => {
    const sheet = "支出预算总表";
    // 2011301 行政运行 +1 元 in 合计 and 基本支出 (its row holds): its 款 now differs by 1.00 over 2–4 terms.
    const base = setAmount(setAmount(await loadFixture(PUTUO), sheet, "E8", 9389914), sheet, "F8", 9389914);
    const twoDecimals = shown(base).filter((f) => f.cells[0].sheet === sheet);
    expect(twoDecimals.some((f) => f.severity === "error")).toBe(true);
    const whole = shown(formatAmounts(base, sheet, "#,##0")).filter((f) => f.cells[0].sheet === sheet);
    expect(whole.filter((f) => f.severity === "error")).toEqual([]);
    expect(whole.length).toBeGreaterThan(0);
  });
});

describe("a table in another unit (Hebei, 万元)", () => {
  it("支出总表 in 元 and labelled 单位：元: clean, the cross-table sums convert", async () => {
    const wb = scaleSheet(await loadFixture(HEBEI), "支出总表", 10_000, "单位：元");
    expect(shown(wb)).toEqual([]);
  });

  it("收支总表 itself in 元 and labelled so: clean", async () => {
    const wb = scaleSheet(await loadFixture(HEBEI), "收支总表", 10_000, "单位：元");
    expect(shown(wb)).toEqual([]);
  });

  it("支出总表 in 元 under its 万元 header: one error, the root cause, and no other table blamed", async () => {
    const wb = scaleSheet(await loadFixture(HEBEI), "支出总表", 10_000);
    const found = shown(wb);
    expect(found.map((f) => [f.rule, f.severity, f.cells[0].sheet])).toEqual([["document.magnitude", "error", "支出总表"]]);
  });

  it("收支总表 in 元 under its 万元 header: the 收支总表 is named, nothing else", async () => {
    const wb = scaleSheet(await loadFixture(HEBEI), "收支总表", 10_000);
    expect(shown(wb).map((f) => [f.rule, f.cells[0].sheet])).toEqual([["document.magnitude", "收支总表"]]);
  });

  it("a 单位：元 line over 万元 amounts: the unit line is the error, the cross sums are not reported", async () => {
    const wb = scaleSheet(await loadFixture(HEBEI), "一般公共预算支出表", 1, "单位：元");
    const found = shown(wb);
    expect(found.map((f) => [f.rule, f.severity, at(f), f.expected, f.actual])).toEqual([
      ["document.unit-mismatch", "error", "一般公共预算支出表!F2", "万元", "元"],
    ]);
  });
});
