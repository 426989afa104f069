import type { Finding, FindingCell, TableSummary } from "../../../src/core/finding";
import { cellLabel, countBySeverity, SEVERITIES, tableOf } from "../../../src/core/report/group";

const finding = (severity: Finding["severity"], ...cells: FindingCell[]): Finding => ({
  rule: "hierarchy.sum",
  severity,
  message: "",
  messageEn: "",
  cells,
});

const tables: TableSummary[] = [
  { sheet: "支出总表", kind: "expenditure", range: "A3:F20", title: "支出总表" },
  { sheet: "支出总表", kind: "other", range: "A25:C30", title: "附表" },
  { sheet: "收入总表", kind: "revenue", range: "A3:F20", title: "收入总表" },
];

describe("report grouping shared by the pane and the CLI", () => {
  test("counts every severity, in report order", () => {
    const counts = countBySeverity([finding("error"), finding("info"), finding("error")]);
    expect(SEVERITIES.map((s) => counts[s])).toEqual([2, 0, 1]);
  });

  test("a cell of another workbook is named as an external reference", () => {
    expect(cellLabel({ sheet: "表一", row: 8, col: 4 })).toBe("表一!E9");
    expect(cellLabel({ file: "单位A.xlsx", sheet: "表一", row: 8, col: 4 })).toBe("[单位A.xlsx]表一!E9");
  });

  test("a finding belongs to the table holding its first cell, on that cell's sheet", () => {
    expect(tableOf(finding("error", { sheet: "支出总表", row: 25, col: 1 }, { sheet: "支出总表", row: 4, col: 1 }), tables)).toBe(tables[1]);
    expect(tableOf(finding("error", { sheet: "收入总表", row: 19, col: 5 }), tables)).toBe(tables[2]);
  });

  test("none outside every table or without a cell", () => {
    expect(tableOf(finding("error", { sheet: "支出总表", row: 21, col: 1 }), tables)).toBeUndefined();
    expect(tableOf(finding("error"), tables)).toBeUndefined();
  });

  test("a finding's table id names its table; summaries without ids (a JSON report read back) fall back to the range", () => {
    const withIds = tables.map((t, i) => ({ ...t, id: `${t.sheet}#${i}` }));
    const f = { ...finding("error", { sheet: "支出总表", row: 4, col: 1 }), table: "支出总表#1" };
    expect(tableOf(f, withIds)).toBe(withIds[1]);
    expect(tableOf(f, tables)).toBe(tables[0]);
    expect(tableOf({ ...f, table: "gone#9" }, withIds)).toBe(withIds[0]);
  });
});
