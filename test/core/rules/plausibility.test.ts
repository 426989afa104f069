/** plausibility.*: per-cell value rules (also run by cellFindings, so full and live checks), and blank parts. */
import { checkWorkbook } from "../../../src/core/engine";
import type { CellValue } from "../../../src/core/grid";
import { gridReader } from "../../../src/core/amounts";
import { recogniseSheet } from "../../../src/core/recognise";
import { cellFindings } from "../../../src/core/rules/cell-rules";
import { explainBlankChildren, numberFormatKind, plausibilityFindings } from "../../../src/core/rules/plausibility";
import { CheckSession } from "../../../src/core/session";
import { loadFixture } from "../../helpers/fixtures";
import { at, book, expenditureRows, sheet } from "../build";
import { brief, expectWellFormed, HEBEI } from "../document/helpers";
import { setAmount } from "../../helpers/variants";
import { a1 } from "../../../src/core/finding";

function check(rows: CellValue[][], formats?: Record<string, string>) {
  const s = sheet("支出总表", rows);
  if (formats) {
    s.numberFormats = [];
    for (const [a, f] of Object.entries(formats)) {
      const col = a.charCodeAt(0) - 65;
      const row = Number(a.slice(1)) - 1;
      (s.numberFormats[row] ??= [])[col] = f;
    }
  }
  const [t] = recogniseSheet(s);
  return plausibilityFindings(t, s);
}

function withValue(row: number, col: number, v: CellValue): CellValue[][] {
  const rows = expenditureRows();
  rows[row][col] = v;
  return rows;
}

describe("plausibility.negative", () => {
  it("a negative amount is a warning at its cell", () => {
    const found = check(withValue(6, 3, -120));
    expect(found.map(brief)).toEqual([{ rule: "plausibility.negative", severity: "warning", cell: "支出总表!D7", expected: "≥ 0", actual: "-120.00" }]);
    expectWellFormed(found);
  });

  it("negative text such as （12.00） counts too; an adjustment column or a 减： row may be negative", () => {
    expect(check(withValue(6, 4, "（12.00）")).map((f) => f.rule)).toEqual(["plausibility.negative"]);
    const adjusted = withValue(6, 4, -12);
    adjusted[2][4] = "调整数";
    expect(check(adjusted)).toEqual([]);
  });

  it("zero and -0 are not negative", () => {
    expect(check(withValue(6, 4, 0))).toEqual([]);
    expect(check(withValue(6, 4, -0))).toEqual([]);
  });
});

describe("plausibility.decimals", () => {
  it("more than 2 decimals in a 万元 table is a warning", () => {
    const found = check(withValue(6, 3, 120.125));
    expect(found.map(brief)).toEqual([{ rule: "plausibility.decimals", severity: "warning", cell: "支出总表!D7", expected: "120.13", actual: "120.125" }]);
  });

  it("binary float noise from a cached formula result is not a decimal", () => {
    expect(check(withValue(6, 3, 0.1 + 0.2))).toEqual([]);
    expect(check(withValue(6, 3, 1820.65 * 3))).toEqual([]);
    expect(check(withValue(6, 3, 5461.95))).toEqual([]);
  });

  it("a table in 元 may carry more decimals (not its business here)", () => {
    const rows = withValue(6, 3, 120.125);
    rows[1][4] = "单位：元";
    expect(check(rows)).toEqual([]);
  });
});

/** A 万元 table whose every amount is stored with 4 decimals behind #,##0.00; the displayed amounts add up. */
function hiddenDecimalRows(): CellValue[][] {
  const rows = expenditureRows();
  for (const r of [3, 4, 5]) rows[r].splice(2, 3, 299.9901, 199.9801, 100.0101);
  rows[6].splice(2, 3, 120.0001, 119.9949, 0.0149);
  rows[7].splice(2, 3, 179.9901, 79.9949, 100.0049);
  return rows;
}

function hiddenDecimalBook(rows: CellValue[][]) {
  const s = sheet("支出总表", rows);
  s.numberFormats = rows.map((r, i) => (i >= 3 ? r.map((_, c) => (c >= 2 ? "#,##0.00" : null)) : []));
  return book(s);
}

describe("plausibility.decimals, one finding per column", () => {
  it("a column of hidden decimals is one warning at its first cell, listing every cell, in zh and en", () => {
    const found = checkWorkbook(hiddenDecimalBook(hiddenDecimalRows())).findings;
    expect(found.map((f) => [f.rule, f.severity, at(f), f.cells.map(a1).join(",")])).toEqual([
      ["plausibility.decimals", "warning", "支出总表!C4", "C4,C5,C6,C7,C8"],
      ["plausibility.decimals", "warning", "支出总表!D4", "D4,D5,D6,D7,D8"],
      ["plausibility.decimals", "warning", "支出总表!E4", "E4,E5,E6,E7,E8"],
    ]);
    expect(found[1].message).toBe("支出总表 “基本支出”列（D 列）有 5 个金额存有超过两位的小数，万元表按两位小数显示和公布，合计可能与显示值不符；首个：D4 = 199.9801。");
    expect(found[1].messageEn).toBe(
      '支出总表 column "基本支出" (D): 5 amounts are stored with more than 2 decimals while a 万元 table shows and publishes 2, so totals may differ from the shown values; first: D4 = 199.9801.',
    );
    expect(found[1]).toMatchObject({ expected: "199.98", actual: "199.9801" });
    expectWellFormed(found);
  });

  it("a column with one such cell keeps the per-cell finding; the per-cell rule itself is unchanged", () => {
    const rows = withValue(7, 4, 100.001);
    rows[6][3] = 120.005;
    const found = checkWorkbook(book(sheet("支出总表", rows))).findings.filter((f) => f.rule === "plausibility.decimals");
    expect(found.map((f) => [at(f), f.cells.length, f.message])).toEqual([
      ["支出总表!D7", 1, expect.stringContaining("为 120.005，有 3 位小数")],
      ["支出总表!E8", 1, expect.stringContaining("为 100.001，有 3 位小数")],
    ]);
    expect(check(hiddenDecimalRows()).filter((f) => f.rule === "plausibility.decimals")).toHaveLength(15);
  });

  it("a live edit keeps the column's one finding up to date", () => {
    const session = new CheckSession(hiddenDecimalBook(hiddenDecimalRows()));
    const edit = (v: number) => session.update({ kind: "cells", sheet: "支出总表", range: { top: 3, left: 3, bottom: 3, right: 3 }, values: [[v]] });
    const columnD = (fs: { rule: string; cells: { row: number; col: number }[] }[]) =>
      fs.filter((f) => f.rule === "plausibility.decimals" && f.cells[0].col === 3).map((f) => f.cells.map(a1).join(","));
    const fixed = edit(199.98);
    expect(fixed.recognised).toBe(false);
    expect(columnD(fixed.result.findings)).toEqual(["D5,D6,D7,D8"]);
    expect(columnD(edit(199.9801).result.findings)).toEqual(["D4,D5,D6,D7,D8"]);
  });

  it("sums are judged on the displayed amounts: hidden decimals add no sum finding where the shown ones add up", () => {
    const found = checkWorkbook(hiddenDecimalBook(hiddenDecimalRows())).findings;
    expect(found.filter((f) => f.rule !== "plausibility.decimals")).toEqual([]);
    // The shown amounts that do not add up are still reported: 179.99 ≠ 79.99 + 110.00.
    const wrong = hiddenDecimalRows();
    wrong[7][4] = 110.0049;
    const errors = checkWorkbook(hiddenDecimalBook(wrong)).findings.filter((f) => f.severity === "error");
    expect(errors.map(at)).toContain("支出总表!E8");
  });
});

describe("plausibility.percent", () => {
  it("a percentage or a date format in an amount column is an error", () => {
    const pct = check(expenditureRows(), { D7: "0.00%" });
    expect(pct.map(brief)).toEqual([{ rule: "plausibility.percent", severity: "error", cell: "支出总表!D7", expected: "金额 amount", actual: "percent (0.00%)" }]);
    expect(check(expenditureRows(), { C8: "yyyy-mm-dd" }).map((f) => [f.rule, at(f)])).toEqual([["plausibility.percent", "支出总表!C8"]]);
  });

  it("reads number formats: amounts, currencies, colours and literals are not dates", () => {
    for (const f of ["#,##0.00", "0.00_ ", "#,##0.00;[Red]-#,##0.00", '"￥"#,##0.00', '#,##0.00"元"', "[$¥-804]#,##0.00", "General", "@", "0.00E+00", "_(* #,##0.00_)"]) {
      expect([f, numberFormatKind(f)]).toEqual([f, null]);
    }
    for (const f of ["0%", "0.00%", '#,##0.0"%"x%']) expect([f, numberFormatKind(f)]).toEqual([f, "percent"]);
    for (const f of ["yyyy-mm-dd", "m/d/yy", '[$-804]yyyy"年"m"月"d"日"', "h:mm:ss", "[h]:mm", "mmm-yy"]) expect([f, numberFormatKind(f)]).toEqual([f, "date"]);
  });

  it("text that merely looks like a percentage stays cell.not-a-number, without a second finding", () => {
    const s = sheet("支出总表", withValue(6, 3, "12%"));
    const [t] = recogniseSheet(s);
    expect(cellFindings(t, s).map((f) => f.rule)).toEqual(["cell.not-a-number"]);
  });
});

describe("one finding per cell, through cellFindings", () => {
  it("a negative percentage is reported once, as the format error", () => {
    expect(check(withValue(6, 3, -0.125), { D7: "0.0%" }).map((f) => f.rule)).toEqual(["plausibility.percent"]);
  });

  it("cellFindings runs the plausibility rules, so a full check reports them", () => {
    const result = checkWorkbook(book(sheet("支出总表", withValue(7, 4, 100.001))));
    expect(result.findings.filter((f) => f.rule.startsWith("plausibility.")).map(at)).toEqual(["支出总表!E8"]);
  });

  it("a live edit is re-checked on the fast path: the warning appears and goes", async () => {
    const wb = await loadFixture(HEBEI);
    const session = new CheckSession(wb);
    const edit = (v: number) =>
      session.update({ kind: "cells", sheet: "基本支出表", range: { top: 29, left: 4, bottom: 29, right: 4 }, values: [[v]] });
    const bad = edit(-1.58);
    expect(bad.recognised).toBe(false);
    expect(bad.result.findings.filter((f) => f.rule === "plausibility.negative").map(at)).toEqual(["基本支出表!E30"]);
    expect(edit(1.58).result.findings.filter((f) => f.rule.startsWith("plausibility."))).toEqual([]);
  });
});

describe("plausibility.all-children-blank (explainBlankChildren)", () => {
  it("restates a sum finding whose parts are all blank, keeping severity, cells and values", () => {
    const rows = expenditureRows();
    for (const r of [6, 7]) for (const c of [2, 3, 4]) rows[r][c] = null;
    const wb = book(sheet("支出总表", rows));
    // The check already restates them (the session applies explainBlankChildren); applying it again changes nothing.
    const explained = checkWorkbook(wb).findings;
    expect(explainBlankChildren(explained, gridReader(wb))).toEqual(explained);
    const blank = explained.filter((f) => f.rule === "plausibility.all-children-blank");
    expect(blank.map((f) => [at(f), f.severity, f.expected, f.actual])).toEqual([
      ["支出总表!C6", "error", "0.00", "300.00"],
      ["支出总表!D6", "error", "0.00", "200.00"],
      ["支出总表!E6", "error", "0.00", "100.00"],
    ]);
    expect(explained.filter((f) => f.rule === "hierarchy.sum")).toEqual([]);
    expect(blank[0].message).toContain("全部空白");
    expectWellFormed(blank);
  });

  it("leaves the sum finding alone when a part holds a written 0.00 or an amount", () => {
    const rows = expenditureRows();
    for (const r of [6, 7]) for (const c of [2, 3, 4]) rows[r][c] = null;
    rows[6][2] = 0;
    const wb = book(sheet("支出总表", rows));
    const explained = explainBlankChildren(checkWorkbook(wb).findings, gridReader(wb));
    expect(explained.filter((f) => f.rule === "plausibility.all-children-blank").map(at)).toEqual(["支出总表!D6", "支出总表!E6"]);
    expect(explained.filter((f) => f.rule === "hierarchy.sum").map(at)).toEqual(["支出总表!C6"]);
  });

  it("on a fixture: blanking a 款's items is one finding per column, not two", async () => {
    let wb = await loadFixture(HEBEI);
    // The items of 20801 (人力资源和社会保障管理事务), found through recognition.
    const t = recogniseSheet(wb.sheets.find((s) => s.name === "支出总表")!)[0];
    const parent = t.rows.findIndex((r) => r.code?.code === "20801");
    const kids = t.rows.filter((r) => r.parent === parent);
    expect(kids.length).toBeGreaterThan(0);
    for (const k of kids) for (const c of [3, 4, 5]) wb = setAmount(wb, "支出总表", `${"ABCDEF"[c]}${k.row + 1}`, null);
    const explained = explainBlankChildren(checkWorkbook(wb).findings, gridReader(wb));
    const row = t.rows[parent].row + 1;
    const atParent = explained.filter((f) => f.cells[0].sheet === "支出总表" && ["D", "E", "F"].some((c) => a1(f.cells[0]) === `${c}${row}`));
    expect(atParent.map((f) => `${f.rule} ${a1(f.cells[0])}`).sort()).toEqual(
      ["D", "E", "F"].map((c) => `plausibility.all-children-blank ${c}${row}`),
    );
  });
});
