/**
 * Templates as host blocks. The host writes values only, so formula cells are written as "=…" text (Excel turns it
 * into a formula; the memory host stores it as one). Formulas are rendered for the block's real origin, which is
 * why a block placed at the selection needs the selection's anchor.
 */
import type { CellValue } from "../../core/grid";
import { isFinalKind } from "../../core/recognise/final-kinds";
import {
  buildFinalTemplate,
  buildFinalTemplateSet,
  buildTemplate,
  buildTemplateSet,
  placeTemplate,
  templateSheetName,
  type BlockKind,
  type PlacedTemplate,
  type TemplateOptions,
} from "../../core/templates";
import type { TableBlock } from "../../excel/host";

function plain(v: CellValue): string | number | null {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.error;
}

export function placedToBlock(p: PlacedTemplate): TableBlock {
  const { row, col } = p.origin;
  return {
    title: p.sheetName,
    values: p.values.map((r, i) => r.map((v, j) => (p.formulas[i]?.[j] ? `=${p.formulas[i][j]}` : plain(v)))),
    merges: p.merges.map((m) => ({ top: m.top - row, left: m.left - col, bottom: m.bottom - row, right: m.right - col })),
    numberFormats: p.numberFormats,
  };
}

/** One table on its own new sheet (origin A1), or at `anchor` on an existing sheet. */
export function tableBlock(
  kind: BlockKind,
  options: TemplateOptions,
  anchor?: { sheet: string; row: number; col: number },
): TableBlock {
  const block = isFinalKind(kind) ? buildFinalTemplate(kind, options) : buildTemplate(kind, options);
  const placed = anchor
    ? placeTemplate(block, { row: anchor.row, col: anchor.col }, anchor.sheet)
    : placeTemplate(block, { row: 0, col: 0 }, templateSheetName(kind));
  return placedToBlock(placed);
}

/** The unit's full set (9 tables of its 预算, or of its 决算), one new sheet each. */
export function fullSetBlocks(options: TemplateOptions, set: "budget" | "final" = "budget"): TableBlock[] {
  return (set === "final" ? buildFinalTemplateSet(options) : buildTemplateSet(options)).map(placedToBlock);
}
