import { recogniseAll } from "../../../src/core/engine";
import { rangeToA1 } from "../../../src/core/address";
import { loadFixture } from "../../helpers/fixtures";

// Kinds and used ranges as listed in test/fixtures/README.md.
const EXPECTED: Record<string, Array<[string, string, string]>> = {
  "hebei-qinhuangdao-social-insurance-2023": [
    ["收支总表", "summary", "A1:E39"],
    ["收入总表", "revenue", "A1:M24"],
    ["支出总表", "expenditure", "A1:I24"],
    ["财政拨款收支总表", "fiscal-summary", "A1:H42"],
    ["一般公共预算支出表", "general-expenditure", "A1:F24"],
    ["基本支出表", "basic-expenditure", "A1:F30"],
    ["政府性基金支出表", "fund-expenditure", "A1:F6"],
    ["国有资本经营支出表", "state-capital-expenditure", "A1:F6"],
    ["三公经费支出表", "three-public", "A1:F16"],
  ],
  "henan-yibin-social-security-2022": [
    ["收支总表", "summary", "A1:D37"],
    ["收入总表", "revenue", "A1:T8"],
    ["支出总表", "expenditure", "A1:M21"],
    ["财政拨款收支总表", "fiscal-summary", "A1:H38"],
    ["一般公共预算支出表", "general-expenditure", "A1:N21"],
    ["基本支出表", "basic-expenditure", "A1:G23"],
    ["经济分类汇总表", "economic-summary", "A1:R30"],
    ["三公经费支出表", "three-public", "A1:F5"],
    ["政府性基金支出表", "fund-expenditure", "A1:M8"],
    ["国有资本经营支出表", "state-capital-expenditure", "A1:L7"],
    ["项目支出表", "project-expenditure", "A1:L16"],
  ],
  "shijiazhuang-social-insurance-2023": [
    ["收支总表", "summary", "A1:E39"],
    ["收入总表", "revenue", "A1:M23"],
    ["支出总表", "expenditure", "A1:I23"],
    ["财政拨款收支总表", "fiscal-summary", "A1:H42"],
    ["一般公共预算支出表", "general-expenditure", "A1:F23"],
    ["基本支出表", "basic-expenditure", "A1:F32"],
    ["政府性基金支出表", "fund-expenditure", "A1:F6"],
    ["国有资本经营支出表", "state-capital-expenditure", "A1:F6"],
    ["三公经费支出表", "three-public", "A1:F13"],
  ],
};

describe.each(Object.keys(EXPECTED))("recognition of %s", (name) => {
  it("finds one table per sheet with the published kind and range", async () => {
    const wb = await loadFixture(name);
    const tables = recogniseAll(wb);
    expect(tables.map((t) => [t.sheet, t.kind, rangeToA1(t.range)])).toEqual(EXPECTED[name]);
  });

  it("reads year, unit of measure and unit name from the title and unit line", async () => {
    const wb = await loadFixture(name);
    const year = name.endsWith("2022") ? 2022 : 2023;
    for (const t of recogniseAll(wb)) {
      expect(t.year).toBe(year);
      expect(t.unit).toBe("万元");
      expect(t.unitName).toBeTruthy();
    }
  });

  it("marks the empty tables, with their 空表列示 statement", async () => {
    const wb = await loadFixture(name);
    const empty = recogniseAll(wb).filter((t) => t.empty);
    for (const t of empty) expect(t.emptyStatement).toMatch(/空表|无数据|故此表/);
    expect(empty.length).toBeGreaterThanOrEqual(2);
  });
});

it("reads split 类/款/项 code columns and unit rows (Henan layout)", async () => {
  const wb = await loadFixture("henan-yibin-social-security-2022");
  const t = recogniseAll(wb).find((x) => x.sheet === "支出总表")!;
  const codes = t.rows.filter((r) => r.role === "code").map((r) => r.code!.code);
  expect(codes).toContain("2080101");
  expect(codes).toContain("2296013");
  const unit = t.rows.find((r) => r.role === "unit")!;
  expect(unit.unitCode).toBe("027");
  expect(t.rows.filter((r) => r.role === "code").every((r) => t.rows[r.parent!] === unit)).toBe(true);
});

it("pairs 部门经济分类 with 政府经济分类 codes on the same row", async () => {
  const wb = await loadFixture("henan-yibin-social-security-2022");
  const t = recogniseAll(wb).find((x) => x.sheet === "基本支出表")!;
  const row = t.rows.find((r) => r.code?.code === "30302")!;
  expect(row.secondaryCode?.code).toBe("50905");
});

describe("the unit's name from a 编制单位 line", () => {
  it("上海市普陀区 2025: 编制单位：… beside 单位：元 is the unit's name on every table", async () => {
    const tables = recogniseAll(await loadFixture("shanghai-putuo-commerce-unit-2025"));
    expect(new Set(tables.map((t) => t.unitName))).toEqual(new Set(["上海市普陀区商务委员会"]));
  });

  it("in one cell with the amounts' unit after it, the name is read without it, and the unit still is", () => {
    const sheet = {
      name: "收支总表",
      values: [
        ["2025年部门财务收支预算总表", null, null, null],
        ["编制单位：某某区财政局  单位：元", null, null, null],
        ["收入", null, "支出", null],
        ["项目", "预算数", "项目", "预算数"],
        ["一、一般公共预算拨款收入", 100, "一、一般公共服务支出", 100],
        ["收入总计", 100, "支出总计", 100],
      ],
      merges: [],
    };
    const [t] = recogniseAll({ sheets: [sheet] });
    expect({ unitName: t.unitName, unit: t.unit }).toEqual({ unitName: "某某区财政局", unit: "元" });
  });
});
