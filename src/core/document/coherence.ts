/**
 * document.year-mismatch (error), document.unit-mismatch (info, or error where the amounts contradict the stated
 * unit), document.unit-name-mismatch (warning) and document.unit-label (info): every table of one disclosure states
 * the same budget year and unit; units of measure may differ (the identities convert).
 * The value most tables state is taken as the document's; each table stating another is reported at the cell it
 * was read from (ties: the first table's value wins, so the later table is the odd one).
 * Years are errors: tables of another year cannot be reconciled. Unit names are warnings: abbreviations happen.
 */
import type { CellRef } from "../address";
import type { Finding } from "../finding";
import { cellText, type GridWorkbook } from "../grid";
import type { RecognisedTable } from "../recognise/types";
import { clip, normaliseLabel } from "../text";
import { metaCell, tableLabel } from "./cells";

interface Stated {
  table: RecognisedTable;
  key: string;
  shown: string;
  cell: CellRef | undefined;
}

/** The tables whose key differs from the most common one, each with a table stating the common value. */
function oddOnesOut(stated: Stated[]): Array<{ odd: Stated; reference: Stated }> {
  if (stated.length < 2) return [];
  const counts = new Map<string, number>();
  for (const s of stated) counts.set(s.key, (counts.get(s.key) ?? 0) + 1);
  let common = stated[0].key;
  for (const [k, n] of counts) if (n > counts.get(common)!) common = k;
  const reference = stated.find((s) => s.key === common)!;
  return stated.filter((s) => s.key !== common).map((odd) => ({ odd, reference }));
}

/** Unit name for comparison: no whitespace, half-width brackets, no leading unit code ("323003", "[027001]"). */
export function normaliseUnitName(name: string): string {
  return normaliseLabel(name)
    .replace(/^(部门名称|单位名称|编制单位|编制部门|预算单位|部门|单位):/, "")
    .replace(/^[[(【]?\d{3,}[\])】]?[-_:.、]?/, "");
}

export function coherenceFindings(tables: RecognisedTable[], workbook: GridWorkbook, contradicted: ReadonlySet<string> = new Set()): Finding[] {
  const out: Finding[] = [];
  const years = tables.filter((t) => t.year !== undefined).map((t) => ({ table: t, key: String(t.year), shown: String(t.year), cell: t.yearCell }));
  for (const { odd, reference } of oddOnesOut(years)) {
    out.push({
      rule: "document.year-mismatch",
      severity: "error",
      message: `${tableLabel(odd.table)}的预算年度是 ${odd.shown} 年，而其他表（如${reference.table.sheet}）是 ${reference.shown} 年。`,
      messageEn: `${odd.table.sheet} ("${odd.table.title}") states budget year ${odd.shown}, the other tables (e.g. ${reference.table.sheet}) ${reference.shown}.`,
      cells: [metaCell(odd.table, odd.cell), metaCell(reference.table, reference.cell)],
      expected: reference.shown,
      actual: odd.shown,
    });
  }
  // Tables may state different units (the identities convert): a note, unless the amounts contradict the stated
  // unit (they are in the other tables' unit), which is an error and the root cause of the failing cross-table sums.
  const units = tables.filter((t) => t.unit !== undefined).map((t) => ({ table: t, key: t.unit!, shown: t.unit!, cell: t.unitCell }));
  for (const { odd, reference } of oddOnesOut(units)) {
    const wrong = contradicted.has(odd.table.id);
    out.push(
      wrong
        ? {
            rule: "document.unit-mismatch",
            severity: "error",
            message: `${tableLabel(odd.table)}标明金额单位为“${odd.shown}”，但其金额按“${reference.shown}”才与其他表（如${reference.table.sheet}）相符：单位标注有误，或金额未按所标单位填列。`,
            messageEn: `${odd.table.sheet} ("${odd.table.title}") states its unit as ${odd.shown}, but its amounts agree with the other tables (e.g. ${reference.table.sheet}) only when read in ${reference.shown}: the unit line is wrong, or the amounts are not in the stated unit.`,
            cells: [metaCell(odd.table, odd.cell), metaCell(reference.table, reference.cell)],
            expected: reference.shown,
            actual: odd.shown,
          }
        : {
            rule: "document.unit-mismatch",
            severity: "info",
            message: `${tableLabel(odd.table)}的金额单位是“${odd.shown}”，其他表（如${reference.table.sheet}）是“${reference.shown}”；跨表核对已按各表单位换算。`,
            messageEn: `${odd.table.sheet} ("${odd.table.title}") is in ${odd.shown}, the other tables (e.g. ${reference.table.sheet}) in ${reference.shown}; cross-table checks convert between them.`,
            cells: [metaCell(odd.table, odd.cell), metaCell(reference.table, reference.cell)],
            expected: reference.shown,
            actual: odd.shown,
          },
    );
  }
  const names = tables
    .filter((t) => t.unitName !== undefined && normaliseUnitName(t.unitName) !== "")
    .map((t) => ({ table: t, key: normaliseUnitName(t.unitName!), shown: clip(t.unitName!, 60), cell: t.unitNameCell }));
  for (const { odd, reference } of oddOnesOut(names)) {
    out.push({
      rule: "document.unit-name-mismatch",
      severity: "warning",
      message: `${tableLabel(odd.table)}的单位名称是“${odd.shown}”，而其他表（如${reference.table.sheet}）是“${reference.shown}”。`,
      messageEn: `${odd.table.sheet} ("${odd.table.title}") names the unit "${odd.shown}", the other tables (e.g. ${reference.table.sheet}) "${reference.shown}".`,
      cells: [metaCell(odd.table, odd.cell), metaCell(reference.table, reference.cell)],
      expected: reference.shown,
      actual: odd.shown,
    });
  }
  out.push(...unitLabelFindings(tables, workbook));
  return out;
}

/** "单位：万" is read as 万元 (it is the same unit), but is worth a note: the standard wording is "单位：万元". */
function unitLabelFindings(tables: RecognisedTable[], workbook: GridWorkbook): Finding[] {
  const out: Finding[] = [];
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  for (const t of tables) {
    const sheet = sheets.get(t.sheet);
    if (!t.unitCell || !sheet || t.unit !== "万元") continue;
    const text = cellText(sheet, t.unitCell.row, t.unitCell.col);
    if (!/单位\s*[:：]\s*万(?!元)/.test(text)) continue;
    out.push({
      rule: "document.unit-label",
      severity: "info",
      message: `${tableLabel(t)}的单位写作“${text}”，已按万元核对；规范写法为“单位：万元”。`,
      messageEn: `${t.sheet} ("${t.title}") states its unit as "${text}"; checked as 万元 (ten thousand yuan), the standard wording is "单位：万元".`,
      cells: [metaCell(t, t.unitCell)],
      expected: "单位：万元",
      actual: text,
    });
  }
  return out;
}
