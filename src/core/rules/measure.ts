/**
 * How a table's amounts are measured (spec §2, "Units and precision"): its unit of measure (元, 千元, 万元 from its
 * 单位 line) and the decimals its cells display. Cross-table identities convert both sides to the finer unit; the
 * rounding bound per term is half of the coarser side's last displayed digit (0.005 万元 = 50 元 against 元).
 */
import type { RecognisedTable } from "../recognise/types";

export interface Measure {
  unit: string;
  /** 元 per unit: 1, 1,000 or 10,000. */
  yuan: number;
  /** Decimals displayed (0 for "#,##0", 2 for "#,##0.00"); at most 2 count for the rounding bound. */
  decimals: number;
}

const YUAN: Record<string, number> = { 元: 1, 千元: 1000, 万元: 10_000 };

/** The unit most tables state (ties: the first stated); 万元 when none states one (spec: "usually 万元"). */
export function documentUnit(tables: readonly RecognisedTable[]): string {
  const counts = new Map<string, number>();
  for (const t of tables) if (t.unit) counts.set(t.unit, (counts.get(t.unit) ?? 0) + 1);
  let best: string | undefined;
  for (const [u, n] of counts) if (best === undefined || n > counts.get(best)!) best = u;
  return best ?? "万元";
}

/** One Measure object per table (shared by its identities); a table stating no unit is in the document's. */
export function measuresOf(tables: readonly RecognisedTable[]): Map<string, Measure> {
  const fallback = documentUnit(tables);
  const out = new Map<string, Measure>();
  for (const t of tables) {
    const unit = t.unit ?? fallback;
    out.set(t.id, { unit, yuan: YUAN[unit] ?? 1, decimals: t.decimals ?? 2 });
  }
  return out;
}

/** The common scale of two measures: each side's factor into the finer unit, and the half-step in its cents. */
export function scaleOf(left: Measure, right: Measure): { left: number; right: number; halfCents: number } {
  const common = Math.min(left.yuan, right.yuan);
  const l = left.yuan / common;
  const r = right.yuan / common;
  const half = (m: Measure, s: number) => 0.5 * 10 ** (2 - Math.min(m.decimals, 2)) * s;
  return { left: l, right: r, halfCents: Math.max(half(left, l), half(right, r)) };
}

/** Whether two measures are the plain default (same unit, 2 decimals): identities then need no measure. */
export function isPlain(left: Measure, right: Measure): boolean {
  return left.yuan === right.yuan && Math.min(left.decimals, 2) === 2 && Math.min(right.decimals, 2) === 2;
}
