/** document.magnitude: a table ×10,000 against the others (元 typed under a 万元 header). */
import { loadFixture } from "../../helpers/fixtures";
import { book, expenditureRows, sheet } from "../build";
import { scaleAmounts, setAmount } from "../../helpers/variants";
import { HEBEI, HENAN, SHIJIAZHUANG, brief, docFindings, expectWellFormed } from "./helpers";
import { a1 } from "../../../src/core/finding";

const magnitude = (wb: Parameters<typeof docFindings>[0]) => docFindings(wb).filter((f) => f.rule === "document.magnitude");

describe("document.magnitude", () => {
  it("a 基本支出表 in 元 is flagged at its 合计, against the 收支总表 total", async () => {
    let wb = await loadFixture(HEBEI);
    wb = scaleAmounts(wb, "基本支出表", 10_000);
    const found = magnitude(wb);
    expect(found.map(brief)).toEqual([{ rule: "document.magnitude", severity: "error", cell: "基本支出表!D6", expected: "≤ 2197.83", actual: "18206500.00" }]);
    expect(found[0].cells[1]).toEqual({ sheet: "收支总表", row: 38, col: 2 });
    expect(found[0].message).toContain("除以 10,000 为 1820.65");
    expect(found[0].messageEn).toContain("divided by 10,000 it is 1820.65");
    expectWellFormed(found);
  });

  it("the 收支总表 itself in 元 is flagged against the other whole-budget tables", async () => {
    let wb = await loadFixture(SHIJIAZHUANG);
    wb = scaleAmounts(wb, "收支总表", 10_000);
    const found = magnitude(wb);
    expect(found.map((f) => f.cells[0])).toEqual([{ sheet: "收支总表", row: 38, col: 2 }]);
    expect(found[0].expected).toBe("16356.02");
  });

  it("a small table (三公) ×10,000 is still caught, as is a Henan 项目支出表", async () => {
    let hebei = await loadFixture(HEBEI);
    hebei = scaleAmounts(hebei, "三公经费支出表", 10_000);
    expect(magnitude(hebei).map((f) => `${f.cells[0].sheet}!${a1(f.cells[0])}`)).toEqual(["三公经费支出表!C6"]);
    let henan = await loadFixture(HENAN);
    henan = scaleAmounts(henan, "项目支出表", 10_000);
    expect(magnitude(henan).map((f) => f.cells[0].sheet)).toEqual(["项目支出表"]);
  });

  it("×10 or ×100 is not a unit error and is left to the sums", async () => {
    let wb = await loadFixture(HEBEI);
    wb = scaleAmounts(wb, "基本支出表", 1.2);
    wb = scaleAmounts(wb, "三公经费支出表", 100);
    expect(magnitude(wb)).toEqual([]);
  });

  it("a table that says 元 and is in 元 is a unit mismatch, not also a magnitude warning", async () => {
    let wb = await loadFixture(HEBEI);
    wb = scaleAmounts(wb, "一般公共预算支出表", 10_000);
    wb = setAmount(wb, "一般公共预算支出表", "F2", "单位：元");
    expect(docFindings(wb).map((f) => f.rule)).toEqual(["document.unit-mismatch"]);
  });

  it("tiny grids: a second coded table ×10,000 against a 支出总表", () => {
    const general = expenditureRows().map((r, i) => (i >= 3 ? r.map((v) => (typeof v === "number" ? v * 10_000 : v)) : [...r]));
    general[0][0] = "单位预算一般公共预算财政拨款支出表";
    const found = docFindings(book(sheet("支出", expenditureRows()), sheet("一般", general)));
    expect(found.map(brief)).toEqual([{ rule: "document.magnitude", severity: "error", cell: "一般!C4", expected: "≤ 300.00", actual: "3000000.00" }]);
    const same = expenditureRows();
    same[0][0] = "单位预算一般公共预算财政拨款支出表";
    expect(docFindings(book(sheet("支出", expenditureRows()), sheet("一般", same)))).toEqual([]);
  });
});
