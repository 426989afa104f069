/**
 * The one template-to-block converter, used by the Templates tab and the tests: a core template as a block any host
 * can insert, with its values, number formats, merges, layout (title, header, grid lines, totals; widths, heights and
 * print setup, which the host applies only on a sheet of its own) and its formulas rendered for wherever it lands.
 */
import type { CellValue } from "../core/grid";
import { isFinalKind } from "../core/recognise/final-kinds";
import {
  buildFinalTemplate,
  buildTemplate,
  finalTemplateKinds,
  placeTemplate,
  templateSetKinds,
  templateSheetName,
  type BlockKind,
  type TemplateBlock,
  type TemplateOptions,
} from "../core/templates";
import type { TableBlock } from "./block";

/** Hosts write plain values; a template's own cells are text, numbers or blank, the rest is kept as its text. */
function plain(v: CellValue): string | number | null {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.error;
}

export function tableBlockFromTemplate(template: TemplateBlock): TableBlock {
  return {
    title: templateSheetName(template.kind),
    // Formula cells keep the value Excel computes for the empty table, as a saved workbook would cache it.
    values: template.values.map((row) => row.map(plain)),
    merges: template.merges,
    numberFormats: template.numberFormats,
    // The host knows the real origin (the selection's top-left cell, or A1 of a new sheet), so it renders them.
    formulasAt: (origin) => placeTemplate(template, origin, "").formulas,
    layout: {
      columnWidths: template.columnWidths,
      rowHeights: template.rowHeights,
      regions: template.regions,
      print: template.print,
    },
  };
}

/** One standard 预算 or 决算 table, for a new sheet or the selection (the host decides where and what layout applies). */
export function tableBlock(kind: BlockKind, options: TemplateOptions): TableBlock {
  return tableBlockFromTemplate(isFinalKind(kind) ? buildFinalTemplate(kind, options) : buildTemplate(kind, options));
}

/** The unit's full set (its 预算's tables, or the nine of its 决算), in publishing order, one new sheet each. */
export function fullSetBlocks(options: TemplateOptions, set: "budget" | "final" = "budget"): TableBlock[] {
  const kinds: readonly BlockKind[] = set === "final" ? finalTemplateKinds().map((k) => k.kind) : templateSetKinds(options.style);
  return kinds.map((kind) => tableBlock(kind, options));
}
