/**
 * Stated units against the amounts (spec §2, "Units and precision"): tables may state different units (上海 publishes
 * the 三公 table in 万元 and the rest in 元) and the cross-table identities convert. A table's stated unit is
 * contradicted when its cross-table identities hold on the raw numbers and fail once converted: the amounts are in
 * the other tables' unit and the 单位 line is wrong. That table is the root cause; its cross-table sums are not
 * reported as well. O(cross-table identities of the tables in a minority unit).
 */
import type { RecognisedTable } from "../recognise/types";
import { evaluate, type AmountReader, type Identity } from "../rules/identity";
import { documentUnit } from "../rules/measure";

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
