/**
 * The full set of tables a unit publishes, one per sheet: the 9 tables of a 单位预算 (Hebei order) or, in the
 * department style, the 部门预算 set with 经济分类汇总表 and 项目支出表 as well (Henan order).
 */
import type { GridWorkbook } from "../grid";
import { buildTemplate } from "./build-template";
import { placeTemplate, writePlacedTemplate } from "./place-template";
import { UNIT_SET_KINDS } from "../recognise/kinds";
import { templateSheetName } from "./titles";
import type { PlacedTemplate, TemplateKind, TemplateOptions } from "./types";

const UNIT_SET: readonly TemplateKind[] = UNIT_SET_KINDS;

const DEPARTMENT_SET: readonly TemplateKind[] = [
  "summary",
  "revenue",
  "expenditure",
  "fiscal-summary",
  "general-expenditure",
  "basic-expenditure",
  "economic-summary",
  "three-public",
  "fund-expenditure",
  "state-capital-expenditure",
  "project-expenditure",
];

export function templateSetKinds(style: TemplateOptions["style"] = "unit"): readonly TemplateKind[] {
  return style === "department" ? DEPARTMENT_SET : UNIT_SET;
}

/** Every table of the set, placed at A1 of its own sheet. */
export function buildTemplateSet(options: TemplateOptions): PlacedTemplate[] {
  return templateSetKinds(options.style).map((kind) =>
    placeTemplate(buildTemplate(kind, options), { row: 0, col: 0 }, templateSheetName(kind)),
  );
}

/** Placed templates as a grid workbook (sheets created in order, blocks written where they were placed). */
export function templatesToWorkbook(placed: PlacedTemplate[], name?: string): GridWorkbook {
  const wb: GridWorkbook = { name, sheets: [] };
  for (const p of placed) {
    let sheet = wb.sheets.find((s) => s.name === p.sheetName);
    if (!sheet) {
      sheet = { name: p.sheetName, values: [], formulas: [], numberFormats: [], merges: [] };
      wb.sheets.push(sheet);
    }
    writePlacedTemplate(sheet, p);
  }
  return wb;
}
