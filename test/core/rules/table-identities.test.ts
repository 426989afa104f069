/** The rules inside one 预算 table (src/core/rules/table-identities.ts): table.*, hierarchy.*, basic.*, summary.*, three-public.*. */
import { checkWorkbook } from "../../../src/core/engine";
import { TABLE_RULES } from "../../../src/core/rules/table-identities";
import { FIXTURE_NAMES } from "../../helpers/fixtures";
import { at, book, expenditureRows, nonInfo, rulesOf, sheet } from "../build";
import { describeFamily, namedBooks } from "./family";
import { a1 } from "../../../src/core/finding";

const check = (rows: Parameters<typeof sheet>[1], merges: string[] = []) => checkWorkbook(book(sheet("S", rows, merges))).findings;

describe("hierarchy.sum and table.total-row", () => {
  it("a consistent table has no findings", () => {
    expect(check(expenditureRows())).toEqual([]);
  });

  it("flags a 项 that breaks both its row and its 款: the 项 cell is blamed with the value that would fit", () => {
    const rows = expenditureRows();
    rows[6][3] = 125; // 2080501 基本支出 120 → 125
    const f = nonInfo(check(rows));
    // One wrong cell, one finding: its row sum and its 款 fold into it.
    expect(f).toHaveLength(1);
    for (const x of f) expect(at(x)).toBe("S!D7");
    expect(rulesOf(f[0])).toEqual(expect.arrayContaining(["hierarchy.sum", "table.columns-sum"]));
    expect(f[0].fix).toBe("120.00");
    const col = f[0];
    expect(col.expected).toBe("120.00");
    expect(col.actual).toBe("125.00");
    expect(col.severity).toBe("error");
    expect(col.cells.map((c) => a1(c))).toEqual(expect.arrayContaining(["D6", "D7", "D8"]));
  });

  it("flags a 类 total that disagrees with its 款 rows at the 类 cell", () => {
    const rows = expenditureRows();
    rows[4][2] = 310;
    const f = nonInfo(check(rows));
    expect(f.map(at)).toEqual(expect.arrayContaining(["S!C5"]));
    const h = f.find((x) => rulesOf(x).includes("hierarchy.sum"))!;
    expect([h.expected, h.actual]).toEqual(["300.00", "310.00"]);
  });

  it("flags the 合计 row against the sum of the 类 rows", () => {
    const rows = expenditureRows();
    rows[3][4] = 90;
    const f = nonInfo(check(rows));
    const t = f.find((x) => rulesOf(x).includes("table.total-row"))!;
    expect(at(t)).toBe("S!E4");
    expect([t.expected, t.actual]).toEqual(["100.00", "90.00"]);
  });

  it("treats a difference within N × 0.005 as a rounding warning, beyond it as an error", () => {
    const rows = expenditureRows();
    rows[5][2] = 300.01; // 款 vs two 项: bound 0.01
    const f = nonInfo(check(rows)).filter((x) => rulesOf(x).includes("hierarchy.sum") && a1(x.cells[0]) === "C6");
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    rows[5][2] = 300.02;
    const g = nonInfo(check(rows)).filter((x) => rulesOf(x).includes("hierarchy.sum") && a1(x.cells[0]) === "C6");
    // C6 is now wrong against its 项 rows and within its 类: every finding naming it first is an error.
    expect(g.length).toBeGreaterThanOrEqual(1);
    expect(new Set(g.map((x) => x.severity))).toEqual(new Set(["error"]));
  });
});

describe("table.columns-sum", () => {
  it("合计 = Σ the other columns on every row", () => {
    const rows = expenditureRows();
    rows[7][2] = 181; // 2080505 合计 ≠ 80 + 100
    const f = nonInfo(check(rows)).filter((x) => x.rule === "table.columns-sum");
    expect(f.map(at)).toContain("S!C8");
  });

  it("follows multi-row headers: 基本支出/小计 = 人员经费 + 公用经费, 合计 = 基本支出小计 + 项目支出小计; 其中 is not an addend", () => {
    const rows = [
      ["2022年部门支出预算表"],
      ["科目编码", "科目名称", "合计", "基本支出", null, null, "项目支出", null],
      [null, null, null, "小计", "人员经费", "公用经费", "小计", "其中：特定目标类"],
      [null, "合计", 30, 20, 15, 5, 10, 10],
      ["2080505", "机关事业单位基本养老保险缴费支出", 30, 20, 15, 5, 10, 10],
    ];
    const merges = ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:H2"];
    expect(check(rows, merges)).toEqual([]);
    rows[4][4] = 16;
    const f = nonInfo(check(rows, merges)).filter((x) => x.rule === "table.columns-sum");
    expect(f.map(at)).toContain("S!E5");
  });
});

describe("basic-expenditure: 人员经费 = 301 + 303, 公用经费 = 302 …", () => {
  const rows = () => [
    ["单位预算一般公共预算财政拨款基本支出表"],
    ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    [null, "合计", 60, 40, 20],
    ["301", "工资福利支出", 30, 30, null],
    ["302", "商品和服务支出", 20, null, 20],
    ["303", "对个人和家庭的补助", 10, 10, null],
  ];
  it("holds on a consistent table", () => expect(check(rows())).toEqual([]));
  it("flags a 302 amount booked as 人员经费", () => {
    const r = rows();
    r[4][3] = 20;
    r[4][4] = null;
    r[2][3] = 60;
    r[2][4] = null;
    const f = nonInfo(check(r));
    expect(f.map((x) => x.rule)).toEqual(expect.arrayContaining(["basic.personnel", "basic.public-use"]));
  });
});

describe("three-public (rows): 合计 = 小计 + 会议费 + 培训费; 小计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护", () => {
  const rows = () => [
    ["单位预算财政拨款“三公”经费支出表"],
    ["项  目", "合计", "一般公共预算财政拨款"],
    ["合计", 12, 12],
    ["“三公”经费小计", 10, 10],
    ["一、因公出国（境）费", null, null],
    ["二、公务用车购置及运维费", 9, 9],
    ["    其中：公务用车购置费", null, null],
    ["          公务用车运行维护费", 9, 9],
    ["三、公务接待费", 1, 1],
    ["四、会议费", 0.5, 0.5],
    ["五、培训费", 1.5, 1.5],
  ];
  it("holds on a consistent table", () => expect(check(rows())).toEqual([]));
  it("flags 公务用车 ≠ 购置 + 运行维护", () => {
    const r = rows();
    r[7][1] = 8;
    r[7][2] = 8;
    const f = nonInfo(check(r));
    expect(f.map((x) => x.rule)).toContain("three-public.vehicle");
  });
  it("flags 合计 ≠ 小计 + 会议费 + 培训费", () => {
    const r = rows();
    r[9][1] = 1;
    r[9][2] = 1;
    const f = nonInfo(check(r)).filter((x) => x.rule === "three-public.total");
    expect(f.length).toBe(2);
  });
});

describe("summary (收支总表)", () => {
  const rows = () => [
    ["单位预算收支总表"],
    ["收入", null, "支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 100, "一、社会保障和就业支出", 80],
    ["二、事业收入", 10, "二、卫生健康支出", 40],
    ["本年收入合计", 110, "本年支出合计", 120],
    ["上年结转结余", 10, "年终结转结余", null],
    ["收入总计", 120, "支出总计", 120],
  ];
  const merges = ["A2:B2", "C2:D2"];
  it("holds on a consistent table", () => expect(check(rows(), merges)).toEqual([]));
  it("flags 本年收入合计 ≠ Σ items, and 收入总计 ≠ 支出总计", () => {
    const r = rows();
    r[7][1] = 121;
    const f = nonInfo(check(r, merges));
    expect(f.flatMap(rulesOf)).toEqual(expect.arrayContaining(["summary.grand-total", "summary.balance"]));
    expect(f.map(at)).toContain("S!B8");
  });
});

describeFamily("table-identities", TABLE_RULES, () => namedBooks([...FIXTURE_NAMES]));
