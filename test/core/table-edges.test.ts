/**
 * Table edges (issue 14): what accountants put around a table — a 备注 or check column, scratch figures a few
 * columns away, a code typed beside it, signature and date lines or notes below it, a second table beside it — is
 * recognised for what it is: never an amount column or row, and no finding changes.
 */
import { check, gist, kinds } from "../helpers/gist";
import type { CellValue, GridWorkbook } from "../../src/core/grid";
import { recogniseAll } from "../../src/core/engine";
import { FIXTURE_NAMES, columnBeside, getSheet, insertBlankRow, linesBelow, loadFixture, metaBeside, sideBySide, strayBeside, type FrameRow } from "../helpers/variants";


/**
 * Check columns as accountants write them: label, header row (1 or 2), the value on the 栏次 row (a check formula
 * filled down over it gives 0, TRUE, FALSE or 正确) and in the body, adjacent or one blank column away. Every label,
 * header row and 栏次 value appears; body values and gaps rotate.
 */
type Fill = (row: number, index: number) => CellValue;
const BODY: Record<string, Fill> = {
  "0": () => 0,
  blank: () => null,
  "TRUE/FALSE": (_r, i) => i % 4 !== 3,
  正确: () => "正确",
};
const LANCI: CellValue[] = [0, null, true, false, "正确"];
const CHECK_VARIANTS: Array<[string, number, CellValue, string, number]> = [];
for (const headerRow of [1, 2])
  LANCI.forEach((lanci, i) => {
    for (const label of ["校验", "差额", "检查"]) {
      const bodies = Object.keys(BODY);
      CHECK_VARIANTS.push([label, headerRow, lanci, bodies[(i + headerRow + CHECK_VARIANTS.length) % bodies.length], CHECK_VARIANTS.length % 2]);
    }
  });

describe.each([...FIXTURE_NAMES])("%s", (name) => {
  let base: GridWorkbook;
  let baseline: string[];
  let baseKinds: string[];
  beforeAll(async () => {
    base = await loadFixture(name);
    baseline = gist(check(base).findings);
    baseKinds = kinds(base);
  });
  const same = (wb: GridWorkbook) => {
    expect(kinds(wb)).toEqual(baseKinds);
    expect(gist(check(wb).findings)).toEqual(baseline);
  };

  it("a 备注 column right of every table, with remarks in some rows", () => {
    same(columnBeside(base, 0, "备注", (_r, i) => (i % 3 === 1 ? "含上年结转" : null)));
  });

  it("an empty 备注 column right of every table", () => {
    same(columnBeside(base, 0, "备注", () => null));
  });

  it("a check column (校验) of zeros, or of TRUE, right of every table", () => {
    same(columnBeside(base, 0, "校验", () => 0, { format: "#,##0.00" }));
    same(columnBeside(base, 1, "核对", () => true));
  });

  it.each(CHECK_VARIANTS)("a %s column in header row %i, %p on the 栏次 row, %s in the body, %i columns away", (label, headerRow, lanci, body, gap) => {
    same(columnBeside(base, gap, label, BODY[body], { headerOffset: headerRow - 1, lanci }));
  });

  it("scratch figures with no header three columns away, adjacent, and a code typed beside the table", () => {
    same(columnBeside(base, 3, null, (_r, i) => (i % 2 === 0 ? 1234.56 * (i + 1) : null), { format: "#,##0.00" }));
    same(columnBeside(base, 0, null, (_r, i) => (i === 1 ? 99.5 : null), { format: "#,##0.00" }));
    same(columnBeside(base, 1, null, (_r, i) => (i === 2 ? "2080505" : null)));
  });

  // One cell beyond a blank column: it is beside the table, not part of it, whichever row it is on — not a second
  // text that makes the title row no title, nor a number that makes a header row a data row.
  const STRAYS: Array<[CellValue, FrameRow, number]> = [];
  const strayRows: FrameRow[] = ["title", "unit line", "first header row", "last header row", "first body row"];
  const strayValues: CellValue[] = ["x", "（草稿）", 743029310.5, 1, true];
  strayRows.forEach((row, i) => strayValues.forEach((value, k) => STRAYS.push([value, row, 1 + ((i + k) % 3)])));
  it.each(STRAYS)("a stray %p on the %s, %i blank columns right of the table", (value, row, gap) => {
    same(strayBeside(base, gap, row, value));
  });

  // Not strays: the table's own unit, 编制单位 or year line typed at the far right, beyond a blank column, still counts.
  it.each([
    ["unit line", /^\s*(金额)?单位[:：]/],
    ["编制单位 line", /编制单位|^\d{6}\S/],
    ["year line", /预算年度|年度[:：]/],
  ])("the %s typed beyond a blank column right of the table", (_what, re) => {
    for (const gap of [1, 2]) same(metaBeside(base, re, gap));
  });

  it("the unit typed on the title row, right of the table: next to it or beyond a blank column", () => {
    for (const gap of [0, 1, 2]) same(metaBeside(base, /^\s*(金额)?单位[:：]/, gap, 0));
  });

  // A line under a 款/目 row that is part of it (其中：…) or checks it (校验 0), without a code: it heads no rows and
  // adds into none, whatever is below it.
  it.each([
    ["其中：", (r: number) => `\u3000\u3000其中：第${r}行的一部分`, (v: number) => Math.round((v / 3) * 100) / 100],
    ["校验", () => "校验", () => 0],
  ] as Array<[string, (r: number) => string, (v: number) => number]>)("a %s line without a code under a coded row of each coded table", (_what, label, amount) => {
    let wb = base;
    for (const t of recogniseAll(base)) {
      const nameCol = t.columns.find((c) => c.role === "name")?.col;
      const under = t.rows.find((r) => r.role === "code" && r.code!.code.length === 5 && r.parent !== undefined);
      if (nameCol === undefined || !under) continue;
      wb = insertBlankRow(wb, t.sheet, under.row + 1);
      const s = getSheet(wb, t.sheet);
      // One table per fixture (the first with a 5-digit code under a parent): the new row is right under it.
      const row = (s.values[under.row + 1] ??= []);
      row[nameCol] = label(under.row);
      for (const c of t.columns.filter((c) => c.role === "amount")) {
        const v = s.values[under.row][c.col];
        if (typeof v === "number") row[c.col] = amount(v);
      }
      break;
    }
    expect(wb).not.toBe(base);
    same(wb);
  });

  it.each([0, 1, 2, 3, 4, 5])("signature and date lines %i rows below every table", (gap) => {
    same(
      linesBelow(base, gap, [
        [
          { col: "first", value: "单位负责人：张三" },
          { col: 2, value: "财务负责人：李四" },
          { col: "last", value: "制表人：王五" },
        ],
        [{ col: "last", value: "2025年1月10日" }],
      ]),
    );
    // A date typed as a date (a number shown as one) on the last column.
    same(linesBelow(base, gap, [[{ col: "first", value: "制表日期：" }, { col: "last", value: 45667, format: "yyyy\"年\"m\"月\"d\"日\"" }]]));
  });

  it("notes below every table", () => {
    same(linesBelow(base, 1, [[{ col: "first", value: "注：本表反映本单位年度预算安排情况。" }], [{ col: "first", value: "说明：金额保留两位小数。" }]]));
  });
});

describe("two tables side by side on one sheet", () => {
  it.each([...FIXTURE_NAMES])("%s: the 基本支出表 beside the 一般公共预算支出表 (and 三公 beside 收支总表)", async (name) => {
    const base = await loadFixture(name);
    const sheetLike = (re: RegExp) => base.sheets.find((s) => re.test(s.name))!.name;
    const general = sheetLike(/^一般公共预算支出/);
    const basic = sheetLike(/基本支出/);
    const summary = base.sheets[0].name;
    const three = sheetLike(/三公/);
    const wb = sideBySide(sideBySide(base, general, basic), summary, three, 2);
    const result = check(wb);
    expect(result.tables.map((t) => t.kind).sort()).toEqual(check(base).tables.map((t) => t.kind).sort());
    expect(result.tables.filter((t) => t.sheet === general).map((t) => t.kind).sort()).toEqual(["basic-expenditure", "general-expenditure"]);
    expect(gist(result.findings)).toEqual(gist(check(base).findings));
  });
});

describe.each(["shanghai-final-template-2024", "shanghai-putuo-social-work-final-2024"])("%s (决算)", (name) => {
  let base: GridWorkbook;
  let baseline: string[];
  let baseKinds: string[];
  beforeAll(async () => {
    base = await loadFixture(name);
    baseline = gist(check(base).findings);
    baseKinds = kinds(base);
  });
  it.each(CHECK_VARIANTS)("a %s column in header row %i, %p on the 栏次 row, %s in the body, %i columns away", (label, headerRow, lanci, body, gap) => {
    const wb = columnBeside(base, gap, label, BODY[body], { headerOffset: headerRow - 1, lanci });
    expect(kinds(wb)).toEqual(baseKinds);
    expect(gist(check(wb).findings)).toEqual(baseline);
  });
});

describe("a two-sided table whose sides a blank column parts", () => {
  // 财务收支预算总表 with a spacer column before its 支出 side, the 收入 side's header one row of vertical merges
  // (项目 | 预算数 over rows 3–6) and the 支出 side's header starting a row lower: the 支出 side is part of the table.
  async function spaced(withGroup: boolean): Promise<GridWorkbook> {
    const wb = await loadFixture("shanghai-putuo-commerce-unit-2025");
    const s = getSheet(wb, "财务收支预算总表");
    for (const row of s.values) if (row && row.length > 2) row.splice(2, 0, null);
    for (const grid of [s.formulas, s.numberFormats, s.texts]) grid?.forEach((row) => row && row.length > 2 && row.splice(2, 0, null));
    s.merges = s.merges.map((m) => (m.left >= 2 ? { ...m, left: m.left + 1, right: m.right + 1 } : m)).filter((m) => !(m.left < 2 && m.right >= 2));
    if (s.colCount) s.colCount++;
    const set = (r: number, c: number, v: CellValue) => ((s.values[r] ??= [])[c] = v);
    set(2, 0, "项目");
    set(2, 1, "预算数");
    set(3, 0, null);
    set(3, 1, null);
    set(2, 3, withGroup ? "本年支出" : null);
    s.merges = s.merges.filter((m) => !(m.top === 2 || (m.top === 3 && m.left <= 1)));
    s.merges.push({ top: 2, left: 0, bottom: 5, right: 0 }, { top: 2, left: 1, bottom: 5, right: 1 });
    return wb;
  }

  it("reads both sides with or without a group label over the 支出 side, and finds a wrong figure on it", async () => {
    const bare = await spaced(false);
    const grouped = await spaced(true);
    const range = (wb: GridWorkbook) => check(wb).tables.find((t) => t.sheet === "财务收支预算总表")?.range;
    expect(range(bare)).toBe(range(grouped));
    expect(range(bare)).toMatch(/^A1:H/);
    expect(gist(check(bare).findings)).toEqual(gist(check(grouped).findings));
    const wrong = getSheet(bare, "财务收支预算总表");
    wrong.values[6][4] = (wrong.values[6][4] as number) + 1000;
    expect(check(bare).findings.map((f) => f.rule)).toContain("summary.grand-total");
  });
});
