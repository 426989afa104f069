/** One-click templates for the standard tables (spec §1): pure, placed by the pane through the Excel adapter. */
export type { FormulaSpec } from "./formula";
export { renderFormula } from "./formula";
export type {
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
export { placeTemplate, placementIsFree, writePlacedTemplate } from "./place-template";
export { buildTemplateSet, templateSetKinds, templatesToWorkbook } from "./template-set";
export { templateKinds, templateSheetName, templateTitle } from "./titles";
