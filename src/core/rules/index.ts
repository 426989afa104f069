/** All identities of a set of recognised tables: inside each table, then across tables. */
import type { RecognisedTable } from "../recognise/types";
import { crossIdentities } from "./cross-identities";
import { finalCrossIdentities } from "./final-cross";
import type { CellKey, Identity } from "./identity";
import { isPlain, measuresOf, type Measure } from "./measure";
import { pushAll, tableIdentities } from "./table-identities";

export function identitiesFor(tables: RecognisedTable[]): Identity[] {
  // One list, every table's sums pushed into it (copying hundreds of thousands from list to list was garbage).
  const out: Identity[] = [];
  for (const t of tables) tableIdentities(t, out);
  pushAll(pushAll(out, crossIdentities(tables)), finalCrossIdentities(tables));
  attachMeasures(out, tables);
  return out;
}

/**
 * Each side of an identity is measured in its own table's unit and precision: the table (of those the identity
 * reads) holding the side's first cell. Only identities whose measures differ from the plain default carry them.
 */
function attachMeasures(identities: Identity[], tables: RecognisedTable[]): void {
  const measures = measuresOf(tables);
  const byId = new Map(tables.map((t) => [t.id, t]));
  // A table's sums share one tables list: its measure is looked up once per list, not per sum.
  let lastTables: readonly string[] | undefined;
  let lastMeasure: Measure | undefined;
  // Indexed: for…of made an iterator result per sum; and no closure in the loop, which captured `id` and so made a
  // context per sum while the loop ran unoptimised.
  for (let i = 0; i < identities.length; i++) {
    const id = identities[i];
    const ids = id.tables;
    if (ids.length === 1) {
      if (ids !== lastTables) {
        lastTables = ids;
        const m = measures.get(ids[0]);
        lastMeasure = m && !isPlain(m, m) ? m : undefined;
      }
      if (lastMeasure) id.measures = { left: lastMeasure, right: lastMeasure };
      continue;
    }
    const left = ownerMeasure(id, id.left[0], byId, measures);
    const right = ownerMeasure(id, id.right[0], byId, measures);
    const l = left ?? right;
    const r = right ?? left;
    if (l && r && !isPlain(l, r)) id.measures = { left: l, right: r };
  }
}

/** The measure of the table (of those the identity reads) holding the cell. */
function ownerMeasure(
  id: Identity,
  c: CellKey | undefined,
  byId: ReadonlyMap<string, RecognisedTable>,
  measures: ReadonlyMap<string, Measure>,
): Measure | undefined {
  if (!c) return undefined;
  for (const tid of id.tables) {
    const t = byId.get(tid);
    if (t && t.sheet === c.sheet && c.row >= t.range.top && c.row <= t.range.bottom && c.col >= t.range.left && c.col <= t.range.right)
      return measures.get(tid);
  }
  return undefined;
}
