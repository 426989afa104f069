import fc from "fast-check";
import { parseAmount, wholeCents, type Amount } from "../../../src/core/money";
import { CENTS_EMPTY, evaluate, failure, type AmountReader, type CellKey, type Identity } from "../../../src/core/rules/identity";

/** Without the cents shortcut: forces the decimal path, the reference. */
const withoutCents = (a: Amount): Amount => (a.kind === "number" ? { kind: "number", value: a.value, fromText: a.fromText } : a);

it("the integer-cents evaluation agrees with the decimal one (outcome, stated, computed)", () => {
  const amount = fc.oneof(
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
    fc.constant(null),
    fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })),
  );
  fc.assert(
    fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), fc.integer({ min: -3, max: 3 }), fc.boolean(), (values, nudge, le) => {
      // The stated total is the sum, nudged by a few cents, so equal, rounding and mismatch all occur.
      const cells = values.map((v, i) => ({ key: { sheet: "S", row: i + 1, col: 0 } as CellKey, amount: parseAmount(v) }));
      const sum = cells.reduce((s, c) => s + (c.amount.kind === "number" ? Math.round(c.amount.value.toNumber() * 100) : 0), 0);
      const total = { key: { sheet: "S", row: 0, col: 0 } as CellKey, amount: parseAmount((sum + nudge) / 100) };
      const all = new Map([total, ...cells].map((c) => [c.key.row, c.amount]));
      const identity: Identity = { rule: "hierarchy.sum", tables: [], strength: "error", left: [total.key], right: cells.map((c) => c.key), zh: "", en: "", comparator: le ? "le" : "eq" };
      const fast = evaluate(identity, (k) => all.get(k.row)!)!;
      const slow = evaluate(identity, (k) => withoutCents(all.get(k.row)!))!;
      expect(fast.outcome).toBe(slow.outcome);
      expect(fast.stated.toFixed(2)).toBe(slow.stated.toFixed(2));
      expect(fast.computed.toFixed(2)).toBe(slow.computed.toFixed(2));
    }),
    { numRuns: 300 },
  );
});

it("an amount with more than 2 decimals takes the decimal path and is still exact", () => {
  const a = parseAmount(0.125);
  expect(a.kind === "number" && a.cents).toBe(undefined);
  const b = parseAmount("1,234.56");
  expect(b.kind === "number" && b.cents).toBe(123456);
});

/** A reader with the cents shortcut (as the session's CellIndex gives it) over a map of row → value. */
function shortcutReader(values: Map<number, number | string | null>): AmountReader {
  const read = (k: CellKey): Amount => parseAmount(values.get(k.row) ?? null);
  const cents = {
    at(row: number): number {
      const v = values.get(row) ?? null;
      if (typeof v === "number") return wholeCents(v) ?? NaN;
      return v === null ? CENTS_EMPTY : NaN;
    },
  };
  return Object.assign(read, { centsIn: () => cents });
}

it("the reader's cents shortcut agrees with reading Amounts, and failure() keeps only failing evaluations", () => {
  const amount = fc.oneof(
    fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
    fc.constant(null),
    fc.constant(0.125),
    fc.constant("abc"),
    fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2)),
  );
  fc.assert(
    fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), fc.integer({ min: -3, max: 3 }), (values, nudge) => {
      const map = new Map<number, number | string | null>(values.map((v, i) => [i + 1, v]));
      const sum = values.reduce<number>((s, v) => s + (typeof v === "number" ? Math.round(v * 100) : 0), 0);
      map.set(0, (sum + nudge) / 100);
      const identity: Identity = { rule: "hierarchy.sum", tables: [], strength: "error", left: [{ sheet: "S", row: 0, col: 0 }], right: values.map((_, i) => ({ sheet: "S", row: i + 1, col: 0 })), zh: "", en: "" };
      const plain = (k: CellKey) => parseAmount(map.get(k.row) ?? null);
      const slow = evaluate(identity, plain);
      const fast = evaluate(identity, shortcutReader(map));
      expect(fast?.outcome).toBe(slow?.outcome);
      expect(fast?.stated.toFixed(2)).toBe(slow?.stated.toFixed(2));
      expect(fast?.computed.toFixed(2)).toBe(slow?.computed.toFixed(2));
      const failed = failure(identity, shortcutReader(map));
      expect(failed?.outcome).toBe(slow && slow.outcome !== "equal" ? slow.outcome : undefined);
    }),
    { numRuns: 300 },
  );
});

it("sums that could leave the exact range of doubles are done in decimals", () => {
  // In doubles 5e15 + 5e15 + 1 − 5e15 − 5e15 (cents) is 0: 10^16 + 1 rounds to 10^16. The true sum is 1 cent.
  const terms = [50_000_000_000_000, 50_000_000_000_000, 0.01, -50_000_000_000_000, -50_000_000_000_000];
  const map = new Map<number, number | string | null>([[0, 0.01], ...terms.map((v, i): [number, number] => [i + 1, v])]);
  const identity: Identity = { rule: "hierarchy.sum", tables: [], strength: "error", left: [{ sheet: "S", row: 0, col: 0 }], right: terms.map((_, i) => ({ sheet: "S", row: i + 1, col: 0 })), zh: "", en: "" };
  for (const read of [shortcutReader(map), (k: CellKey) => parseAmount(map.get(k.row) ?? null)]) {
    const e = evaluate(identity, read)!;
    expect(e.outcome).toBe("equal");
    expect(e.computed.toFixed(2)).toBe("0.01");
  }
});
