/**
 * Each identity rule family's ids, exercised on real workbooks: for every id, a workbook that reads it and holds
 * (the passing case: no error or warning of that rule), and the same workbook with the identity's stated cell (or,
 * where every term is blank, a term) moved beyond what any comparison allows (the failing case: the rule is reported,
 * alone or folded into another finding).
 */
import { gridReader } from "../../../src/core/amounts";
import { checkWorkbook, identitiesFor, recogniseAll } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/finding";
import type { GridWorkbook } from "../../../src/core/grid";
import type { RuleId, RuleInfo } from "../../../src/core/profiles";
import { evaluate, type Identity } from "../../../src/core/rules/identity";

export interface Exercise {
  id: string;
  workbook: string;
  passing: Finding[];
  failing: Finding[];
}

const reports = (findings: Finding[], id: RuleId) => findings.filter((f) => f.severity !== "info" && (f.rule === id || f.also?.includes(id)));

/** The family's exercises; `books` are named workbooks, tried in order for each id. */
export function exerciseFamily(family: readonly RuleInfo[], books: Array<[string, GridWorkbook]>): Exercise[] {
  const out: Exercise[] = [];
  for (const { id } of family) {
    for (const [name, wb] of books) {
      const passing = reports(checkWorkbook(wb).findings, id);
      if (passing.length > 0) continue;
      const read = gridReader(wb);
      const candidates = identitiesFor(recogniseAll(wb)).filter(
        (i: Identity) => i.rule === id && i.right.length > 0 && evaluate(i, read)?.outcome === "equal",
      );
      // Prefer one with an amount among its terms: a stated amount over blank terms is restated as
      // plausibility.all-children-blank, so where every term is blank a term is written instead.
      const identity = candidates.find((i) => i.right.some((c) => read(c).kind === "number")) ?? candidates[0];
      if (!identity) continue;
      const e = evaluate(identity, read)!;
      const blankTerms = !identity.right.some((c) => read(c).kind === "number");
      const cell = blankTerms ? identity.right[0] : identity.left[0] ?? identity.right[0];
      const copy = structuredClone(wb);
      const values = copy.sheets.find((s) => s.name === cell.sheet)!.values;
      const before = read(cell);
      const old = before.kind === "number" ? before.value.toNumber() : 0;
      // More than both sides together: breaks an equality and a ≤ alike, in either side's unit.
      values[cell.row] ??= [];
      values[cell.row][cell.col] = Math.round((old + e.stated.abs().toNumber() + e.computed.abs().toNumber() + 1.23) * 100) / 100;
      out.push({ id, workbook: name, passing, failing: reports(checkWorkbook(copy).findings, id) });
      break;
    }
  }
  return out;
}

/** The family's describe block: every id has a passing and a failing case. */
export function describeFamily(
  title: string,
  family: readonly RuleInfo[],
  books: () => Promise<Array<[string, GridWorkbook]>>,
): void {
  describe(`${title}: every rule id, holding and broken`, () => {
    let exercises: Exercise[] = [];
    beforeAll(async () => {
      exercises = exerciseFamily(family, await books());
    });

    it("finds a workbook exercising every id of the family", () => {
      expect(exercises.map((e) => e.id)).toEqual(family.map((r) => r.id));
    });

    it.each(family.map((r) => r.id))("%s: no finding where it holds, a finding once a cell it reads is moved", (id) => {
      const e = exercises.find((x) => x.id === id);
      expect(e?.passing).toEqual([]);
      expect(e?.failing.length).toBeGreaterThan(0);
    });
  });
}

/** Named copies of fixture workbooks (and built ones), for describeFamily. */
export async function namedBooks(names: string[], extra: Array<[string, GridWorkbook]> = []): Promise<Array<[string, GridWorkbook]>> {
  const { loadFixture } = await import("../../helpers/fixtures");
  return [...(await Promise.all(names.map(async (n): Promise<[string, GridWorkbook]> => [n, await loadFixture(n)]))), ...extra];
}
