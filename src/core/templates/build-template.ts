/** One template by kind, and the list of kinds the pane offers. */
import { buildCodedKind } from "./coded-kinds";
import { buildProjectTable } from "./project-table";
import { buildThreePublicTable } from "./three-public-table";
import { buildFiscalSummaryTable, buildSummaryTable } from "./two-sided-tables";
import type { TemplateBlock, TemplateKind, TemplateOptions } from "./types";

export function buildTemplate(kind: TemplateKind, options: TemplateOptions): TemplateBlock {
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 9999) {
    throw new RangeError(`Not a budget year: ${options.year}`);
  }
  const rows = options.dataRows;
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1 || rows > 10000)) {
    throw new RangeError(`dataRows must be a whole number from 1 to 10000, not ${rows}`);
  }
  switch (kind) {
    case "summary":
      return buildSummaryTable(options);
    case "fiscal-summary":
      return buildFiscalSummaryTable(options);
    case "three-public":
      return buildThreePublicTable(options);
    case "project-expenditure":
      return buildProjectTable(options);
    default:
      return buildCodedKind(kind, options);
  }
}
