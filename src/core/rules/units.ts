/**
 * Amounts in a common unit. Each table states its own unit (上海 publishes the “三公” table in 万元 and the rest in 元),
 * so a cross-table identity compares after converting: unitFactor gives a table's unit as a multiple of 元, and
 * scaleBetween the `scale` an identity between two tables needs (undefined when they share a unit or one is unknown).
 */
import type { RecognisedTable } from "../recognise/types";
import type { Identity } from "./identity";

const FACTORS: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10000 };

/** The table's unit of measure as a multiple of 元; undefined when the table states none (or one not known). */
export function unitFactor(table: RecognisedTable): number | undefined {
  return table.unit === undefined ? undefined : FACTORS[table.unit];
}

export function scaleBetween(left: RecognisedTable, right: RecognisedTable): Identity["scale"] {
  const l = unitFactor(left);
  const r = unitFactor(right);
  return l !== undefined && r !== undefined && l !== r ? { left: l, right: r } : undefined;
}
