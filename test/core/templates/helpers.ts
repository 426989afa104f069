/** Shared test helpers: a template on its own sheet, findings that matter, an independent A1 reference shifter. */
import { columnIndex, columnLetters } from "../../../src/core/address";
import type { Finding } from "../../../src/core/finding";
import type { GridWorkbook } from "../../../src/core/grid";
import {
  buildTemplate,
  placeTemplate,
  templatesToWorkbook,
  type TemplateKind,
  type TemplateOptions,
} from "../../../src/core/templates";
import { a1 } from "../../../src/core/finding";

export const OPTIONS: TemplateOptions = { year: 2026, unitName: "秦皇岛市测试事业单位", unitCode: "323003", measure: "万元" };

export function workbookOf(kind: TemplateKind, options: TemplateOptions = OPTIONS, origin = { row: 0, col: 0 }): GridWorkbook {
  return templatesToWorkbook([placeTemplate(buildTemplate(kind, options), origin, "表")]);
}

/** Errors and warnings (info notes such as "not covered by the catalogue" are not problems). */
export function problems(findings: Finding[]): string[] {
  return findings.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.rule} ${(f.cells[0] ? a1(f.cells[0]) : undefined)}: ${f.message}`);
}

/** Shifts every A1 reference of a formula (string literals left alone); written independently of the templates. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, col: string, row: string) => `${columnLetters(columnIndex(col) + cols)}${Number(row) + rows}`),
    )
    .join("");
}

/** What a user does after typing amounts into a table inserted with its "空表列示" statement: delete the statement. */
export function deleteEmptyStatement(wb: GridWorkbook, sheet: string): void {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`No sheet ${sheet}`);
  let found = 0;
  s.values.forEach((row) =>
    row?.forEach((v, c) => {
      if (typeof v === "string" && v.includes("空表列示")) {
        row[c] = null;
        found++;
      }
    }),
  );
  if (found === 0) throw new Error(`No 空表列示 statement on ${sheet}`);
}
