/** Document rules of a 决算 set: the nine tables, empty-table statements, one year (and where it came from). */
import { checkWorkbook } from "../../../src/core/engine";
import type { GridWorkbook } from "../../../src/core/grid";
import { disclosureSet, documentYear } from "../../../src/core/document";
import { recogniseAll } from "../../../src/core/engine";
import { loadFixture } from "../../helpers/fixtures";
import { sheet } from "../build";
import { ministryFinalSet } from "./ministry-set";
import { a1 } from "../../../src/core/finding";

const FINAL = "shanghai-putuo-social-work-final-2024";

const rule = (wb: GridWorkbook, id: string) => checkWorkbook(wb).findings.filter((f) => f.rule === id);

describe("completeness of the nine 决算 tables", () => {
  it("a 决算 set is complete with its nine tables (no 预算 table asked for)", async () => {
    expect(rule(await loadFixture(FINAL), "document.missing-table")).toEqual([]);
    expect(disclosureSet(recogniseAll(await loadFixture(FINAL)).map((t) => t.kind))).toBe("final");
    expect(disclosureSet(recogniseAll(await loadFixture("hebei-qinhuangdao-social-insurance-2023")).map((t) => t.kind))).toBe("budget");
  });

  it("a missing 决算 table is a warning naming it", async () => {
    const wb = await loadFixture(FINAL);
    wb.sheets = wb.sheets.filter((s) => s.name !== "一般公共预算财政拨款基本支出决算表");
    const missing = rule(wb, "document.missing-table");
    expect(missing.map((f) => [f.severity, f.expected, a1(f.cells[0])])).toEqual([["warning", "一般公共预算财政拨款基本支出决算表", "A1"]]);
    expect(missing[0].message).toContain("部门决算公开表");
  });
});

describe("empty-table statements", () => {
  it("an empty 决算 fund table without its statement is reported; the 上海 statements count", async () => {
    const wb = await loadFixture(FINAL);
    expect(rule(wb, "document.empty-statement")).toEqual([]);
    const fund = wb.sheets.find((s) => s.name === "政府性基金预算财政拨款收入支出决算表")!;
    fund.values = fund.values.slice(0, 10);
    const found = rule(wb, "document.empty-statement");
    expect(found.map((f) => [f.severity, f.cells[0].sheet])).toEqual([["warning", "政府性基金预算财政拨款收入支出决算表"]]);
  });

  it("the Ministry's statements (“故本表为空表”, “本表无数据”) count", () => {
    expect(rule(ministryFinalSet(), "document.empty-statement")).toEqual([]);
  });

  it("a statement over amounts is a contradiction", async () => {
    const wb = await loadFixture(FINAL);
    const three = wb.sheets.find((s) => s.name === "财政拨款“三公”经费支出决算表")!;
    three.values[6] = [1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0];
    const found = rule(wb, "document.empty-statement");
    expect(found.map((f) => [f.severity, a1(f.cells[0])])).toEqual([["warning", "A7"]]);
  });

  it("a template (no amounts anywhere) needs no statements yet", async () => {
    const wb = await loadFixture("shanghai-final-template-2024");
    expect(rule(wb, "document.empty-statement")).toEqual([]);
    // The same template with one amount typed is a disclosure: its empty 三公 table now needs its statement.
    wb.sheets[1].values[4][2] = 10;
    expect(rule(wb, "document.empty-statement").map((f) => f.cells[0].sheet)).toEqual(["财政拨款“三公”经费支出决算表"]);
  });
});

describe("the year of a 决算", () => {
  it("comes from the file name when no table states it, and says so", async () => {
    const wb = await loadFixture(FINAL);
    const f = rule(wb, "document.year-source");
    expect(f.map((x) => [x.severity, x.actual])).toEqual([["info", "2024"]]);
    expect(f[0].message).toContain("文件名");
    expect(documentYear(recogniseAll(wb), wb)).toEqual({ year: 2024, source: "file-name" });
  });

  it("a cover sheet beats the file name", async () => {
    const wb = await loadFixture(FINAL);
    wb.name = "决算.xlsx";
    wb.sheets.unshift(sheet("封面", [["中共上海市普陀区委社会工作部"], ["2023年度部门决算"]]));
    expect(documentYear(recogniseAll(wb), wb)).toEqual({ year: 2023, source: "cover", cell: { sheet: "封面", row: 1, col: 0 } });
    expect(rule(wb, "document.year-source")[0].message).toContain("封面");
  });

  it("the user's setting when nothing else states it; none at all is said too", async () => {
    const wb = await loadFixture(FINAL);
    wb.name = "决算.xlsx";
    expect(rule(wb, "document.year-source")[0].message).toContain("未找到决算年度");
    const set = checkWorkbook(wb, { year: 2024 }).findings.filter((f) => f.rule === "document.year-source");
    expect(set[0].message).toContain("用户设置");
  });

  it("a title or unit line stating the year wins (the Ministry's unit line: 2024年度)", () => {
    const wb = ministryFinalSet();
    expect(documentYear(recogniseAll(wb), wb)).toMatchObject({ year: 2024, source: "unit-line" });
  });

  it("two tables stating different years are an error (document.year-mismatch)", () => {
    const wb = ministryFinalSet();
    wb.sheets[2].values[1][5] = "2023年度";
    expect(rule(wb, "document.year-mismatch").map((f) => [f.severity, f.cells[0].sheet])).toEqual([["error", "公开03表"]]);
  });

  it("预算 workbooks get no year-source note (their results do not change)", async () => {
    expect(rule(await loadFixture("shijiazhuang-social-insurance-2023"), "document.year-source")).toEqual([]);
  });
});
