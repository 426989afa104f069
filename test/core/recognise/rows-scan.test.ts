import type { CellValue, GridSheet } from "../../../src/core/grid";
import { scanSheet } from "../../../src/core/recognise/rows-scan";
import { sheet } from "../build";

// The sheet scan decides plain rows from flags read without building cells: they must say what the cells say.
const ROWS: CellValue[][] = [
  ["序号", "项目", "预算数"],
  [1, "201", "一般公共服务支出", 12.5, null, 3],
  [null, "  ", "", 7, "  合计 ", null],
  ["a|b", "c"],
  ["a", "b|c"],
  ["a", "a", "b", "b"],
  ["（一）", "单位：万元", 2024],
  [{ error: "#DIV/0!" }, "注：说明"],
  ["1,234.00", "名称", true],
  [],
  [null, null, "   "],
  [45292, "日期"],
  ["2025年1月10日", 3],
];

function scanned(rows: CellValue[][]): { s: GridSheet; n: number } {
  const s = sheet("S", rows);
  // Row 11's number is shown as a date: it is not a plain number.
  s.numberFormats = rows.map((r, i) => r.map(() => (i === 11 ? "yyyy/m/d" : "0.00")));
  return { s, n: rows.length };
}

describe("sheet scan", () => {
  const { s, n } = scanned(ROWS);
  const scans = scanSheet(s);

  it("flags and extents agree with the row's cells", () => {
    for (let r = 0; r < n; r++) {
      const fresh = scanSheet(s).at(r);
      const cells = fresh.cells;
      expect([r, scans.blank(r)]).toEqual([r, cells.length === 0]);
      expect([r, scans.firstCol[r], scans.lastCol[r]]).toEqual([r, cells[0]?.col ?? -1, cells[cells.length - 1]?.col ?? -1]);
      expect([r, scans.hasNumeric(r)]).toEqual([r, cells.some((c) => c.numeric)]);
      expect([r, scans.hasNumber(r)]).toEqual([r, cells.some((c) => typeof s.values[r][c.col] === "number")]);
      expect([r, scans.plainNumber(r)]).toEqual([r, cells.some((c) => typeof s.values[r][c.col] === "number" && !c.date)]);
      expect([r, scans.firstIsNumber(r)]).toEqual([r, cells.length > 0 && typeof s.values[r][cells[0].col] === "number"]);
      expect([r, scans.firstText(r)]).toEqual([r, cells[0]?.text ?? ""]);
      expect([r, fresh.count, fresh.numericCount]).toEqual([r, cells.length, cells.filter((c) => c.numeric).length]);
    }
  });

  it("compares a row with a header key exactly as its joined distinct texts", () => {
    const keys = ["a|b|c", "a|b", "axb", "a|bxc", "a|b|", "|a", "序号|项目|预算数", "1|201|一般公共服务支出|12.5|3", "7|合计", "", "a", "b|c"];
    for (let r = 0; r < n; r++) {
      const joined = scanSheet(s).at(r).distinct.join("|");
      for (const key of [...keys, joined]) expect([r, key, scanSheet(s).distinctIs(r, key)]).toEqual([r, key, joined === key]);
    }
  });
});
