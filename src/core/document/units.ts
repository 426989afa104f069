/**
 * Stated units against the amounts (spec §2, "Units and precision"): tables may state different units (上海 publishes
 * the 三公 table in 万元 and the rest in 元) and the cross-table identities convert. A table's stated unit is
 * contradicted when its cross-table identities hold on the raw numbers and fail once converted: the amounts are in
 * the other tables' unit and the 单位 line is wrong. That table is the root cause; its cross-table sums are not
 * reported as well. O(cross-table identities of the tables in a minority unit). amountsInWanYuan: the same reasoning
 * for a table that states the workbook's unit (元) while its amounts are in 万元.
 */
import type { Finding } from "../finding";
import type { RecognisedTable } from "../recognise/types";
import { evaluate, type AmountReader, type CellKey, type Identity } from "../rules/identity";
import { documentUnit, measuresOf } from "../rules/measure";
import { metaCell, tableLabel } from "./cells";

/** Ids of the tables whose stated unit the amounts contradict. */
export function unitContradictions(tables: readonly RecognisedTable[], identities: readonly Identity[], read: AmountReader): Set<string> {
  const out = new Set<string>();
  const common = documentUnit(tables);
  const odd = new Set(tables.filter((t) => t.unit !== undefined && t.unit !== common).map((t) => t.id));
  if (odd.size === 0) return out;
  const tally = new Map<string, { converted: number; raw: number }>();
  for (const id of identities) {
    const m = id.measures;
    if (!m || m.left.unit === m.right.unit) continue;
    const tid = id.tables.find((t) => odd.has(t));
    if (tid === undefined) continue;
    const raw = evaluate({ ...id, measures: undefined }, read);
    const converted = evaluate(id, read);
    if (!raw || !converted || (raw.stated.isZero() && raw.computed.isZero())) continue;
    const t = tally.get(tid) ?? tally.set(tid, { converted: 0, raw: 0 }).get(tid)!;
    if (converted.outcome !== "mismatch") t.converted++;
    if (raw.outcome !== "mismatch") t.raw++;
  }
  for (const [tid, t] of tally) if (t.raw > t.converted) out.add(tid);
  return out;
}

/** An amount this many times or more above the other side of a "≤" identity: a unit slip, not a typing one. */
const UNIT_SLIP_RATIO = 1_000;

function owner(cells: readonly CellKey[], tables: readonly RecognisedTable[]): RecognisedTable | undefined {
  const c = cells[0];
  if (!c) return undefined;
  return tables.find((t) => t.sheet === c.sheet && c.row >= t.range.top && c.row <= t.range.bottom && c.col >= t.range.left && c.col <= t.range.right);
}

/**
 * Tables stating 元, in a workbook in 元, whose amounts are in 万元 (10,000 times too small: 12.35 where the other
 * tables say 123,500.00). The magnitude check cannot tell them from a small table (a 三公 table of a few hundred 元 is
 * legitimate), so only the cross-table identities decide: the table is flagged when more of them hold with it read in
 * 万元 than as stated. A "≤" identity (基本支出 30217 ≤ 三公 公务接待费) counts only when, as stated, its larger side is
 * at least 1,000 times the other: that is a unit, never a typing slip. The flagged table is the root cause.
 */
export function amountsInWanYuan(
  tables: readonly RecognisedTable[],
  identities: readonly Identity[],
  read: AmountReader,
): { findings: Finding[]; off: Set<string> } {
  const off = new Set<string>();
  if (documentUnit(tables) !== "元") return { findings: [], off };
  const measures = measuresOf(tables);
  const tally = new Map<string, { stated: number; wan: number; reference?: RecognisedTable }>();
  for (const id of identities) {
    const left = owner(id.left, tables);
    const right = owner(id.right, tables);
    if (!left || !right || left === right) continue;
    for (const [table, other, side] of [
      [left, right, "left"],
      [right, left, "right"],
    ] as const) {
      const m = measures.get(table.id)!;
      if (m.unit !== "元") continue;
      const sides = { left: measures.get(left.id)!, right: measures.get(right.id)! };
      const asStated = evaluate(id, read);
      const asWan = evaluate({ ...id, measures: { ...sides, [side]: { ...m, unit: "万元", yuan: 10_000 } } }, read);
      if (!asStated || !asWan || (asStated.stated.isZero() && asStated.computed.isZero())) continue;
      const t = tally.get(table.id) ?? tally.set(table.id, { stated: 0, wan: 0 }).get(table.id)!;
      if (asStated.outcome !== "mismatch") t.stated++;
      const farOff = id.comparator !== "le" || asStated.stated.greaterThanOrEqualTo(asStated.computed.abs().times(UNIT_SLIP_RATIO));
      if (asWan.outcome !== "mismatch" && farOff) {
        t.wan++;
        t.reference ??= other;
      }
    }
  }
  const out: Finding[] = [];
  for (const table of tables) {
    const t = tally.get(table.id);
    if (!t || t.wan <= t.stated || !t.reference) continue;
    const ref = t.reference;
    off.add(table.id);
    out.push({
      rule: "document.unit-mismatch",
      severity: "error",
      message: `${tableLabel(table)}标明金额单位为“元”，但其金额按“万元”才与其他表（如${ref.sheet}）相符：金额似乎以万元填列（按元读小了 10,000 倍），或单位标注有误。`,
      messageEn: `${table.sheet} ("${table.title}") states its unit as 元, but its amounts agree with the other tables (e.g. ${ref.sheet}) only when read in 万元: the amounts look like 万元 (10,000 times too small for 元), or the unit line is wrong.`,
      cells: [metaCell(table, table.unitCell), metaCell(ref, ref.unitCell)],
      expected: "万元",
      actual: "元",
    });
  }
  return { findings: out, off };
}
