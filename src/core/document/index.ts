/**
 * Document-level checks (issue 9): the disclosure set is complete (document.missing-table,
 * document.duplicate-table), empty tables say so (document.empty-statement), every table states the same year,
 * unit of measure and unit (document.year-mismatch, document.unit-mismatch, document.unit-name-mismatch,
 * document.unit-label) and no table is ×10,000 off (document.magnitude).
 * Cheap by design — O(tables + their rows), never a scan of all cells — because it runs after every live edit.
 */
import type { Finding } from "../finding";
import type { GridWorkbook } from "../grid";
import type { RecognisedTable } from "../recognise/types";
import { gridReader, type AmountAt } from "./cells";
import { coherenceFindings } from "./coherence";
import { completenessFindings } from "./completeness";
import { emptyStatementFindings } from "./empty-statement";
import { yearSourceFindings } from "./final-set";
import { magnitudeFindings } from "./magnitude";

export type { AmountAt } from "./cells";
export { documentStyle, expectedKinds, CORE_KINDS, DEPARTMENT_EXTRA_KINDS, KIND_NAMES, type DocumentStyle } from "./style";
export { normaliseUnitName } from "./coherence";
export { disclosureSet, documentYear, type DisclosureSet, type DocumentYear, type YearSource } from "./final-set";

export function documentFindings(tables: RecognisedTable[], workbook: GridWorkbook, read: AmountAt = gridReader(workbook), year?: number): Finding[] {
  // `other` tables (绩效目标, 政府采购 …) are not part of the checked set.
  const standard = tables.filter((t) => t.kind !== "other");
  return [
    ...completenessFindings(standard),
    ...emptyStatementFindings(standard, read),
    ...coherenceFindings(standard, workbook),
    ...magnitudeFindings(standard, read),
    ...yearSourceFindings(standard, workbook, year),
  ];
}
