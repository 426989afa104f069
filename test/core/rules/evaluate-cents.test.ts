import fc from "fast-check";
import { parseAmount, type Amount } from "../../../src/core/money";
import { evaluate, type CellKey, type Identity } from "../../../src/core/rules/identity";

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
