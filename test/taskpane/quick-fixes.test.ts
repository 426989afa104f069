/** Quick fixes: a sum is offered only with the value the core checked against every identity reading the cell. */
import { checkWorkbook } from "../../src/core/engine";
import { quickFixFor } from "../../src/taskpane/check/quick-fixes";
import { book, expenditureRows, sheet } from "../core/build";
import { SUM_FINDING } from "./fake-services";
import { a1 } from "../../src/core/finding";

describe("quickFixFor", () => {
  it("offers a sum fix only where the finding carries a checked value", () => {
    expect(quickFixFor(SUM_FINDING)).toEqual({ kind: "sum", cell: { sheet: "支出总表", row: 7, col: 2 }, from: "2185.93", to: 2185.92 });
    const { fix: _fix, ...unchecked } = SUM_FINDING;
    void _fix;
    expect(quickFixFor(unchecked)).toBeUndefined();
  });

  it("a value that settles one sum but breaks another is not offered", () => {
    // 2080505 合计 181 against 基本 80 + 项目 100 (row) while its 款 and the 合计 row still say 180 (columns): the
    // row wants 180, writing 180 settles every identity reading the cell → offered.
    const rows = expenditureRows();
    rows[7][2] = 181;
    const one = checkWorkbook(book(sheet("S", rows))).findings.filter((f) => a1(f.cells[0]) === "C8");
    expect(one.map((f) => f.fix)).toEqual(["180.00"]);
    // Now 基本支出 80 → 81 as well: the row sum holds (181 = 81 + 100) but the 款 columns do not. The cells blamed get
    // values; whatever is offered must settle every identity reading its cell.
    rows[7][3] = 81;
    const result = checkWorkbook(book(sheet("S", rows)));
    for (const f of result.findings) {
      if (f.fix === undefined) continue;
      const cell = a1(f.cells[0]);
      const col = cell.charCodeAt(0) - 65;
      const row = Number(cell.slice(1)) - 1;
      const patched = rows.map((r) => [...r]);
      patched[row][col] = Number(f.fix);
      const after = checkWorkbook(book(sheet("S", patched))).findings.filter((x) => x.severity !== "info");
      expect(after.filter((x) => x.cells.some((c) => a1(c) === cell) && a1(x.cells[0]) === cell)).toEqual([]);
    }
  });

  it("two identities disagreeing on a cell: one finding, both listed, no 应为; a value another sum rejects: no fix", () => {
    // 2080505 合计 181 (its row says 80 + 100 = 180) and its 款, 类 and 合计 raised to 302.
    const rows = expenditureRows();
    rows[7][2] = 181;
    rows[5][2] = 302;
    rows[4][2] = 302;
    rows[3][2] = 302;
    const findings = checkWorkbook(book(sheet("S", rows))).findings;
    // C6 (款): its row wants 300, its 项 rows 301 — one finding, no single expected value, no quick fix.
    const c6 = findings.filter((f) => a1(f.cells[0]) === "C6");
    expect(c6).toHaveLength(1);
    expect([c6[0].rule, ...(c6[0].also ?? [])].sort()).toEqual(["hierarchy.sum", "table.columns-sum"]);
    expect(c6[0].expected).toBeUndefined();
    expect(quickFixFor(c6[0])).toBeUndefined();
    expect(c6[0].message).toContain("结论不一");
    // C8: its row wants 180, but writing 180 would break its 款 (302 = 120 + C8): expected shown, no quick fix.
    const c8 = findings.filter((f) => a1(f.cells[0]) === "C8");
    expect(c8.map((f) => [f.expected, f.fix])).toEqual([["180.00", undefined]]);
    expect(quickFixFor(c8[0])).toBeUndefined();
  });
});
