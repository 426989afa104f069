/**
 * One-click templates for the standard tables (spec §1), pure so the pane, the preview and the tests share them.
 *
 * buildTemplate(kind, options) gives a block relative to its top-left cell; placeTemplate(block, origin, sheet) gives
 * absolute cells for a given origin (formulas re-rendered from their specs, so they point at the placed cells).
 * Writing a PlacedTemplate in Excel: values and formulas into `range` (formulas need a leading "="; formula cells'
 * values are what Excel will compute anyway), numberFormats, each merge, column widths (columnWidthInPoints for
 * Office.js), rowHeights, and the print hints (landscape, fit to one page wide, repeat titleRows). Check
 * placementIsFree first: templates never overwrite data. An in-memory evaluator must treat SUMPRODUCT's arguments
 * as arrays (HyperFormula: useArrayArithmetic).
 */
export type { FormulaSpec } from "./formula";
export { renderFormula } from "./formula";
export type {
  BlockKind,
  Measure,
  PlacedTemplate,
  PrintHints,
  TemplateBlock,
  TemplateKind,
  TemplateOptions,
  TemplateRegions,
  TemplateStyle,
} from "./types";
export { buildTemplate } from "./build-template";
export { columnWidthInPoints } from "./column-width";
export { placeTemplate, placementIsFree, writePlacedTemplate } from "./place-template";
export { buildTemplateSet, templateSetKinds, templatesToWorkbook } from "./template-set";
export { templateKinds, templateSheetName, templateTitle } from "./titles";
export { buildFinalTemplate, buildFinalTemplateSet, finalTemplateKinds, finalTemplateSheetName } from "./final-templates";
