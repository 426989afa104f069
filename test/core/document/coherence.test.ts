/** Year, unit of measure and unit name agree across the tables; the odd table is named at the cell it states. */
import { normaliseUnitName } from "../../../src/core/document";
import { loadFixture } from "../../helpers/fixtures";
import { setAmount } from "../../helpers/variants";
import { HEBEI, HENAN, SHIJIAZHUANG, brief, docFindings, expectWellFormed } from "./helpers";

describe("document.year-mismatch", () => {
  it("a Henan title with another year is an error at that title", async () => {
    const wb = setAmount(await loadFixture(HENAN), "支出总表", "A1", "2023年部门支出预算表");
    const found = docFindings(wb).filter((f) => f.severity !== "info");
    expect(found.map(brief)).toEqual([{ rule: "document.year-mismatch", severity: "error", cell: "支出总表!A1", expected: "2022", actual: "2023" }]);
    expect(found[0].cells[1]).toEqual({ sheet: "收支总表", row: 0, col: 0 });
    expectWellFormed(found);
  });

  it("a Hebei 预算年度 line with another year is an error at that cell", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "基本支出表", "D2", "预算年度：2024");
    expect(docFindings(wb).map(brief)).toEqual([{ rule: "document.year-mismatch", severity: "error", cell: "基本支出表!D2", expected: "2023", actual: "2024" }]);
  });

  it("a year added to one Hebei title is read from the title", async () => {
    const wb = setAmount(await loadFixture(SHIJIAZHUANG), "收支总表", "A1", "2022年单位预算收支总表");
    expect(docFindings(wb).map(brief)).toEqual([{ rule: "document.year-mismatch", severity: "error", cell: "收支总表!A1", expected: "2023", actual: "2022" }]);
  });

  it("tables without a year are not compared", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "基本支出表", "D2", null);
    expect(docFindings(wb)).toEqual([]);
  });
});

describe("document.unit-mismatch", () => {
  it("one table in 元 among 万元 tables is an error at its unit cell", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "一般公共预算支出表", "F2", "单位：元");
    const found = docFindings(wb);
    expect(found.map(brief)).toEqual([{ rule: "document.unit-mismatch", severity: "error", cell: "一般公共预算支出表!F2", expected: "万元", actual: "元" }]);
    expectWellFormed(found);
  });

  it("金额单位：千元 is read; an empty table in another unit contradicts nothing: a note", async () => {
    const wb = setAmount(await loadFixture(HENAN), "三公经费支出表", "F2", "金额单位：千元");
    expect(docFindings(wb).map(brief)).toContainEqual({ rule: "document.unit-mismatch", severity: "info", cell: "三公经费支出表!F2", expected: "万元", actual: "千元" });
  });

  it("'单位：万' is the same unit: an info note, not a mismatch", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "支出总表", "I2", "单位：万");
    expect(docFindings(wb).map(brief)).toEqual([{ rule: "document.unit-label", severity: "info", cell: "支出总表!I2", expected: "单位：万元", actual: "单位：万" }]);
  });
});

describe("document.unit-name-mismatch", () => {
  it("another unit's name on one table is a warning at its name cell", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "三公经费支出表", "A2", "323004秦皇岛经济技术开发区人力资源服务中心");
    const found = docFindings(wb);
    expect(found.map(brief)).toEqual([
      {
        rule: "document.unit-name-mismatch",
        severity: "warning",
        cell: "三公经费支出表!A2",
        expected: "秦皇岛经济技术开发区社会保险管理中心",
        actual: "秦皇岛经济技术开发区人力资源服务中心",
      },
    ]);
    expectWellFormed(found);
  });

  it("whitespace, half-width brackets, a missing unit code and a 单位名称： prefix are the same name", async () => {
    let wb = await loadFixture(HEBEI);
    wb = setAmount(wb, "收入总表", "A2", "秦皇岛经济技术开发区 社会保险管理中心");
    wb = setAmount(wb, "支出总表", "A2", "单位名称：323003 秦皇岛经济技术开发区社会保险管理中心");
    expect(docFindings(wb)).toEqual([]);
    // The Henan 三公 table writes （示范区） with half-width brackets, as published: not a mismatch either.
    expect(docFindings(await loadFixture(HENAN)).filter((f) => f.rule === "document.unit-name-mismatch")).toEqual([]);
  });

  it("normaliseUnitName drops codes, prefixes, spaces and bracket width", () => {
    expect(normaliseUnitName("[027001] 伊滨经开区（示范区）社会保障事务服务中心")).toBe("伊滨经开区(示范区)社会保障事务服务中心");
    expect(normaliseUnitName("部门名称:伊滨经开区(示范区) 社会保障事务服务中心")).toBe("伊滨经开区(示范区)社会保障事务服务中心");
    expect(normaliseUnitName("秦皇岛经济技术开发区社会保险管理中心")).not.toBe(normaliseUnitName("秦皇岛经济技术开发区社会保险中心"));
  });
});
