/** Builds tiny grids from 2-D arrays for core tests. */
import { parseRange } from "../../src/core/address";
import type { CellValue, GridSheet, GridWorkbook } from "../../src/core/grid";
import type { Finding } from "../../src/core/finding";
import { a1 } from "../../src/core/finding";

export function sheet(name: string, rows: CellValue[][], merges: string[] = []): GridSheet {
  return { name, values: rows.map((r) => [...r]), merges: merges.map(parseRange) };
}

export function book(...sheets: GridSheet[]): GridWorkbook {
  return { name: "test.xlsx", sheets };
}

/** "Sheet!A1" of a finding's first cell. */
export function at(f: Finding): string {
  return `${f.cells[0].sheet}!${a1(f.cells[0])}`;
}

export function nonInfo(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== "info");
}

/** A Hebei-style 支出总表 with 类/款/项 rows (合计 on top), amounts in 万元. */
export function expenditureRows(): CellValue[][] {
  return [
    ["单位预算支出总表", null, null, null, null],
    ["某某中心", null, "预算年度：2023", null, "单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    [null, "合计", 300, 200, 100],
    ["208", "社会保障和就业支出", 300, 200, 100],
    ["20805", "行政事业单位养老支出", 300, 200, 100],
    ["2080501", "行政单位离退休", 120, 120, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 180, 80, 100],
  ];
}

/** The rule of a finding and the rules folded into it (one wrong cell read by several identities). */
export function rulesOf(f: Finding): string[] {
  return [f.rule, ...(f.also ?? [])];
}
