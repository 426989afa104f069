/** 决算 templates: nine tables laid out as the 上海 template, recognised as their kinds, a fresh set checks clean. */
import { rangeToA1 } from "../../../src/core/address";
import { checkWorkbook, recogniseAll } from "../../../src/core/engine";
import { buildFinalTemplate, buildFinalTemplateSet, finalTemplateKinds, templatesToWorkbook } from "../../../src/core/templates";
import { FINAL_KINDS } from "../../../src/core/recognise/final-kinds";
import { loadFixture } from "../../helpers/fixtures";
import { a1 } from "../../../src/core/finding";

const options = { year: 2024, unitName: "上海市XX局", measure: "万元" as const };

describe("决算 templates", () => {
  const wb = templatesToWorkbook(buildFinalTemplateSet(options), "决算.xlsx");

  it("the full set is the nine tables, each recognised as its kind on its own sheet", () => {
    expect(recogniseAll(wb).map((t) => t.kind)).toEqual([...FINAL_KINDS]);
    expect(finalTemplateKinds().map((k) => k.kind)).toEqual([...FINAL_KINDS]);
  });

  it("a fresh set checks clean and reads its year from the unit line", () => {
    const findings = checkWorkbook(wb).findings;
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(findings.find((f) => f.rule === "document.year-source")!.actual).toBe("2024");
  });

  it("is laid out as the 上海 template: same sheets, titles and header texts", async () => {
    const fixture = await loadFixture("shanghai-final-template-2024");
    const ours = recogniseAll(wb);
    const theirs = recogniseAll(fixture);
    expect(ours.map((t) => [t.sheet, t.title])).toEqual(theirs.map((t) => [t.sheet, t.title]));
    for (let i = 0; i < ours.length; i++) {
      expect([ours[i].kind, ours[i].columns.map((c) => [c.role, c.path.join("/")])]).toEqual([theirs[i].kind, theirs[i].columns.map((c) => [c.role, c.path.join("/")])]);
    }
  });

  it("filled in consistently it still checks clean; a wrong total is caught", () => {
    const filled = templatesToWorkbook(buildFinalTemplateSet(options), "决算.xlsx");
    const tables = recogniseAll(filled);
    const revenue = tables.find((t) => t.kind === "final-revenue")!;
    const s = filled.sheets.find((x) => x.name === revenue.sheet)!;
    const total = revenue.rows.find((r) => r.role === "total")!.row;
    s.values[total + 1] = ["201", "一般公共服务支出", 10, 10];
    s.values[total][2] = 10;
    s.values[total][3] = 10;
    // The table's own identities hold (the summary, still empty, disagrees with it: that is the cross-table rule's job).
    const inTable = (f: { rule: string }) => ["table.columns-sum", "table.total-row", "hierarchy.sum"].includes(f.rule);
    expect(checkWorkbook(filled).findings.filter((f) => f.severity === "error" && inTable(f))).toEqual([]);
    expect(checkWorkbook(filled).findings.filter((f) => f.severity === "error").map((f) => f.rule)).toContain("final.summary-revenue-total");
    s.values[total][2] = 11;
    const errors = checkWorkbook(filled).findings.filter((f) => f.severity === "error" && inTable(f));
    expect(errors.map((f) => [f.rule, a1(f.cells[0])])).toContainEqual(["table.columns-sum", "C5"]);
  });

  it("the basic table has both panels with their codes and totals; empty tables carry their statement", () => {
    const basic = buildFinalTemplate("final-basic-expenditure", options);
    expect(basic.values.flat()).toEqual(expect.arrayContaining(["30217", "公务接待费", "人员经费合计", "公用经费合计"]));
    const t = recogniseAll(wb).find((x) => x.kind === "final-basic-expenditure")!;
    expect(t.panels).toHaveLength(2);
    expect(rangeToA1(t.range)).toBe("A1:F43");
    for (const kind of ["final-three-public", "final-fund", "final-state-capital"]) expect(recogniseAll(wb).find((x) => x.kind === kind)!.emptyStatement).toMatch(/故本表无数据/);
  });

  it("refuses a year that is not one", () => {
    expect(() => buildFinalTemplate("final-summary", { ...options, year: 24.5 })).toThrow(RangeError);
  });
});
