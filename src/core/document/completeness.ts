/**
 * document.missing-table / document.duplicate-table: which standard tables are present, missing or present twice.
 * Missing tables are reported only when the workbook clearly is a disclosure set (at least MIN_KINDS_FOR_SET
 * different standard tables), so a workbook holding one table is not nagged. Duplicates are reported always: the
 * cross-table rules read only the first table of each kind, so a second one is silently unchecked against the rest.
 */
import type { Finding } from "../finding";
import type { RecognisedTable, TableKind } from "../recognise/types";
import { tableCell, tableLabel } from "./cells";
import { CORE_KINDS, KIND_NAMES, documentStyle, expectedKinds, type DocumentStyle } from "./style";

export const MIN_KINDS_FOR_SET = 3;

const SET_NAMES: Record<DocumentStyle, { zh: string; en: string }> = {
  unit: { zh: "单位预算公开表", en: "a unit budget disclosure" },
  department: { zh: "部门预算公开表", en: "a department budget disclosure" },
  unknown: { zh: "预算公开表", en: "a budget disclosure" },
};

export function completenessFindings(tables: RecognisedTable[]): Finding[] {
  const standard = tables.filter((t) => t.kind !== "other");
  const byKind = new Map<TableKind, RecognisedTable[]>();
  for (const t of standard) (byKind.get(t.kind) ?? byKind.set(t.kind, []).get(t.kind)!).push(t);
  return [...duplicateFindings(byKind), ...missingFindings(standard, byKind)];
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
  const style = documentStyle(standard);
  const expected = expectedKinds(style);
  const set = SET_NAMES[style];
  // Anchor: the 收支总表's title, where a reader of the set starts; else the first table's.
  const anchor = tableCell(byKind.get("summary")?.[0] ?? standard[0]);
  const out: Finding[] = [];
  for (const kind of expected) {
    if (byKind.has(kind)) continue;
    const core = CORE_KINDS.includes(kind);
    const name = KIND_NAMES[kind];
    out.push({
      rule: "document.missing-table",
      severity: core ? "warning" : "info",
      message: core
        ? `缺少${name.zh}（${set.zh}的标准表之一）；如无此项预算，也应列示空表并注明“无…，空表列示”。`
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
