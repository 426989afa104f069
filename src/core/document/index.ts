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
import { magnitudeCheck } from "./magnitude";
import { amountsInWanYuan, unitContradictions } from "./units";
import { hiddenSheetFindings } from "./hidden";
import { identitiesFor } from "../rules";
import type { Identity } from "../rules/identity";
import { yearSourceFindings } from "./final-set";

export type { AmountAt } from "./cells";
export { documentStyle, expectedKinds, CORE_KINDS, DEPARTMENT_EXTRA_KINDS, KIND_NAMES, type DocumentStyle } from "./style";
export { normaliseUnitName } from "./coherence";
export { disclosureSet, documentYear, type DisclosureSet, type DocumentYear, type YearSource } from "./final-set";

export function documentFindings(tables: RecognisedTable[], workbook: GridWorkbook, read: AmountAt = gridReader(workbook), year?: number): Finding[] {
  return documentCheck(tables, workbook, read, identitiesFor(tables), year).findings;
}

export interface DocumentCheck {
  findings: Finding[];
  /** Tables found to be in another unit than they state (×10,000 off): root causes, whose cross-table sums are not
   * reported on top. */
  offUnit: Set<string>;
}

/** The document findings and the root-cause tables; `identities` are the session's (else built here). */
export function documentCheck(
  tables: RecognisedTable[],
  workbook: GridWorkbook,
  read: AmountAt = gridReader(workbook),
  identities: readonly Identity[] = identitiesFor(tables),
  /** The year the user set (a 决算's year is seldom in its titles: see final-set.ts). */
  year?: number,
): DocumentCheck {
  // `other` tables (绩效目标, 政府采购 …) are not part of the checked set.
  const standard = tables.filter((t) => t.kind !== "other");
  const contradicted = unitContradictions(standard, identities, (c) => read(c.sheet, c.row, c.col));
  const magnitude = magnitudeCheck(standard, read);
  const inWan = amountsInWanYuan(standard, identities, (c) => read(c.sheet, c.row, c.col));
  return {
    findings: [
      ...completenessFindings(standard),
      ...emptyStatementFindings(standard, read),
      ...coherenceFindings(standard, workbook, contradicted),
      ...magnitude.findings,
      ...inWan.findings,
      ...hiddenSheetFindings(standard, workbook),
      ...yearSourceFindings(standard, workbook, year),
    ],
    offUnit: new Set([...contradicted, ...magnitude.off, ...inWan.off]),
  };
}
