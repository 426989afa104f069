/**
 * document.missing-table / document.duplicate-table: which standard tables are present, missing or present twice.
 * Missing tables are reported only when the workbook clearly is a disclosure set (at least MIN_KINDS_FOR_SET
 * different standard tables), so a workbook holding one table is not nagged. Duplicates are reported always: the
 * cross-table rules read only the first table of each kind, so a second one is silently unchecked against the rest.
 */
import type { Finding } from "../finding";
import type { RecognisedTable, TableKind } from "../recognise/types";
import { tableCell, tableLabel } from "./cells";
import { FINAL_KINDS } from "../recognise/final-kinds";
import { disclosureSet } from "./final-set";
import { CORE_KINDS, KIND_NAMES, documentStyle, expectedKinds, type DocumentStyle } from "./style";

export const MIN_KINDS_FOR_SET = 3;

const SET_NAMES: Record<DocumentStyle, { zh: string; en: string }> = {
  unit: { zh: "单位预算公开表", en: "a unit budget disclosure" },
  department: { zh: "部门预算公开表", en: "a department budget disclosure" },
  unknown: { zh: "预算公开表", en: "a budget disclosure" },
};

const FINAL_SET_NAME = { zh: "部门决算公开表", en: "a final accounts (决算) disclosure" };

export function completenessFindings(tables: RecognisedTable[]): Finding[] {
  const standard = tables.filter((t) => t.kind !== "other");
  const byKind = new Map<TableKind, RecognisedTable[]>();
  for (const t of standard) (byKind.get(t.kind) ?? byKind.set(t.kind, []).get(t.kind)!).push(t);
  return [...duplicateFindings(byKind), ...missingFindings(standard, byKind), ...missingTotalRowFindings(standard)];
}

/** Tables whose body is coded rows (类/款/项 or 部门经济分类) and which publish a 合计 row above them. */
const TOTALLED_KINDS: ReadonlySet<TableKind> = new Set<TableKind>([
  "revenue",
  "expenditure",
  "general-expenditure",
  "fund-expenditure",
  "state-capital-expenditure",
  "basic-expenditure",
  "economic-summary",
  "final-revenue",
  "final-expenditure",
  "final-general-expenditure",
  "final-fund",
  "final-state-capital",
]);

/**
 * document.missing-total-row: a coded table with rows but no 合计 row. Its rows still check against each other, but
 * the table.total-row identity and the cross-table totals have nothing to read, so say so rather than pass silently.
 */
function missingTotalRowFindings(standard: RecognisedTable[]): Finding[] {
  const out: Finding[] = [];
  for (const t of standard) {
    if (!TOTALLED_KINDS.has(t.kind) || t.empty || t.sides) continue;
    if (!t.rows.some((r) => r.role === "code") || t.rows.some((r) => r.role === "total")) continue;
    const first = t.rows[0];
    const col = first.labelCol ?? first.code?.nameCol ?? first.code?.cols[0] ?? t.range.left;
    const name = KIND_NAMES[t.kind];
    out.push({
      rule: "document.missing-total-row",
      severity: "warning",
      message: `${tableLabel(t)}没有“合计”行：表内各行仍逐一核对，但合计行及与其他表的总数无法核对；请在第一行数据之上补上合计行。`,
      messageEn: `${t.sheet} ("${t.title}", the ${name.en}) has no total (合计) row: its rows are still checked, but the table total and the cross-table totals cannot be; add the total row above the first data row.`,
      cells: [{ sheet: t.sheet, row: first.row, col: col }, tableCell(t)],
      expected: "合计",
    });
  }
  return out;
}

function duplicateFindings(byKind: Map<TableKind, RecognisedTable[]>): Finding[] {
  const out: Finding[] = [];
  for (const [kind, list] of byKind) {
    const [first, ...extra] = list;
    const name = KIND_NAMES[kind];
    for (const t of extra) {
      out.push({
        rule: "document.duplicate-table",
        severity: "warning",
        message: `${tableLabel(t)}与${tableLabel(first)}都是${name.zh}：同一张表出现两次，跨表核对只使用第一张。`,
        messageEn: `${t.sheet} ("${t.title}") and ${first.sheet} ("${first.title}") are both the ${name.en}; only the first is checked against the other tables.`,
        cells: [tableCell(t), tableCell(first)],
        expected: "1",
        actual: String(list.length),
      });
    }
  }
  return out;
}

function missingFindings(standard: RecognisedTable[], byKind: Map<TableKind, RecognisedTable[]>): Finding[] {
  if (byKind.size < MIN_KINDS_FOR_SET) return [];
  // A 决算 set has its own nine tables (spec §6), all of them required.
  const final = disclosureSet(standard.map((t) => t.kind)) === "final";
  const style = documentStyle(standard);
  const expected: readonly TableKind[] = final ? FINAL_KINDS : expectedKinds(style);
  const set = final ? FINAL_SET_NAME : SET_NAMES[style];
  // Anchor: the 收支总表's title, where a reader of the set starts; else the first table's.
  const anchor = tableCell(byKind.get(final ? "final-summary" : "summary")?.[0] ?? standard[0]);
  const out: Finding[] = [];
  for (const kind of expected) {
    if (byKind.has(kind)) continue;
    const core = final || CORE_KINDS.includes(kind);
    const name = KIND_NAMES[kind];
    out.push({
      rule: "document.missing-table",
      severity: core ? "warning" : "info",
      message: core
        ? `缺少${name.zh}（${set.zh}的标准表之一）；如无此项${final ? "收支" : "预算"}，也应列示空表并注明${final ? "“本表无数据”" : "“无…，空表列示”"}。`
        : `未找到${name.zh}（部门预算公开表通常包括此表，各地要求不一）。`,
      messageEn: core
        ? `The ${name.en} is missing (one of the standard tables of ${set.en}); if there is no such budget, include the empty table with its "空表列示" statement.`
        : `No ${name.en} found (department disclosures usually include it; requirements differ by province).`,
      cells: [anchor],
      expected: name.zh,
    });
  }
  return out;
}
