/** A core template as a block the host can insert: values, formats, merges, and formulas for wherever it lands. */
import { placeTemplate, templateSheetName, type TemplateBlock } from "../core/templates";
import type { TableBlock } from "./host";

export function tableBlockFromTemplate(template: TemplateBlock): TableBlock {
  return {
    title: templateSheetName(template.kind),
    values: template.values.map((row) => row.map((v) => (typeof v === "string" || typeof v === "number" ? v : null))),
    merges: template.merges,
    numberFormats: template.numberFormats,
    formulasAt: (origin) => placeTemplate(template, origin, "").formulas,
    layout: { columnWidths: template.columnWidths, rowHeights: template.rowHeights, regions: template.regions, print: template.print },
  };
}
