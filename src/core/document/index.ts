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
import { gridReader, type AmountReader } from "../amounts";
import { coherenceFindings } from "./coherence";
import { completenessFindings } from "./completeness";
import { emptyStatementFindings } from "./empty-statement";
import { magnitudeCheck } from "./magnitude";
import { amountsInWanYuan, unitContradictions } from "./units";
import { hiddenSheetFindings } from "./hidden";
import { identitiesFor } from "../rules";
import type { Identity } from "../rules/identity";
import { yearSourceFindings } from "./final-set";
import type { RuleInfo } from "../rule-info";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const DOCUMENT_RULES = [
  { id: "document.missing-table", group: "document", severity: "warning", zh: "缺少标准公开表（部门预算特有表缺失为提示）", en: "A standard table is missing (department-only tables: info)" },
  { id: "document.missing-total-row", group: "document", severity: "warning", zh: "编码表没有合计行", en: "A coded table has no total row" },
  { id: "document.duplicate-table", group: "document", severity: "warning", zh: "同一张标准表出现两次", en: "A standard table appears twice" },
  { id: "document.empty-statement", group: "document", severity: "warning", zh: "空表须注明“空表列示”，注明空表的表须无数据", en: "An empty table must say so; a table saying so must be empty" },
  { id: "document.year-mismatch", group: "document", severity: "error", zh: "各表预算年度不一致", en: "Tables state different budget years" },
  { id: "document.unit-mismatch", group: "document", severity: "error", zh: "各表金额单位（万元/元）不一致", en: "Tables state different units of measure (万元/元)" },
  { id: "document.unit-name-mismatch", group: "document", severity: "warning", zh: "各表单位名称不一致", en: "Tables name different units" },
  { id: "document.hidden-sheet", group: "document", severity: "info", zh: "表格所在工作表是隐藏的（照常检查）", en: "A table is on a hidden sheet (checked as usual)" },
  { id: "document.year-source", group: "document", severity: "info", zh: "决算年度及其来源（标题、封面、单位行、文件名或设置）", en: "The 决算 year and where it came from (titles, cover, unit line, file name or setting)" },
  { id: "document.unit-label", group: "document", severity: "info", zh: "单位写作“万”，应为“万元”", en: 'Unit written "万" instead of "万元"' },
  { id: "document.magnitude", group: "document", severity: "warning", zh: "表中金额似乎以元填列而表头为万元（约 10,000 倍）", en: "Amounts look like yuan under a 万元 header (×10,000)" },
] as const satisfies readonly RuleInfo[];

export { documentStyle, expectedKinds, CORE_KINDS, DEPARTMENT_EXTRA_KINDS, KIND_NAMES, type DocumentStyle } from "./style";
export { normaliseUnitName } from "./coherence";
export { disclosureSet, documentYear, type DisclosureSet, type DocumentYear, type YearSource } from "./final-set";

export function documentFindings(tables: RecognisedTable[], workbook: GridWorkbook, read: AmountReader = gridReader(workbook), year?: number): Finding[] {
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
  read: AmountReader = gridReader(workbook),
  identities: readonly Identity[] = identitiesFor(tables),
  /** The year the user set (a 决算's year is seldom in its titles: see final-set.ts). */
  year?: number,
): DocumentCheck {
  // `other` tables (绩效目标, 政府采购 …) are not part of the checked set.
  const standard = tables.filter((t) => t.kind !== "other");
  const contradicted = unitContradictions(standard, identities, read);
  const magnitude = magnitudeCheck(standard, read);
  const inWan = amountsInWanYuan(standard, identities, read);
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
