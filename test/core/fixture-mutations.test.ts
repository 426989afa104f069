/**
 * Every amount the rules read, changed by one cent-ish amount, must be flagged; most often at that very cell.
 * Derived from the fixtures inside the test (no edited copies).
 */
import { toA1 } from "../../src/core/address";
import { checkWorkbook, identitiesFor, recogniseAll } from "../../src/core/engine";
import { loadFixture, FIXTURE_NAMES } from "../helpers/fixtures";
import { a1 } from "../../src/core/finding";

describe.each([...FIXTURE_NAMES])("%s: single amount changes", (name) => {
  it("flags each changed amount, naming it among the cells read", async () => {
    const wb = await loadFixture(name);
    const cells = new Map<string, { sheet: string; row: number; col: number }>();
    for (const i of identitiesFor(recogniseAll(wb))) for (const c of [...i.left, ...i.right]) cells.set(`${c.sheet}!${c.row}!${c.col}`, c);
    let mutated = 0;
    let blamedExactly = 0;
    for (const c of cells.values()) {
      const s = wb.sheets.find((x) => x.name === c.sheet)!;
      const v = s.values[c.row]?.[c.col];
      if (typeof v !== "number") continue;
      mutated++;
      s.values[c.row][c.col] = v + 1.23;
      const address = toA1(c.row, c.col);
      const hits = checkWorkbook(wb).findings.filter((f) => f.severity !== "info" && f.cells.some((x) => x.sheet === c.sheet && a1(x) === address));
      s.values[c.row][c.col] = v;
      expect({ cell: `${c.sheet}!${address}`, flagged: hits.length > 0 }).toEqual({ cell: `${c.sheet}!${address}`, flagged: true });
      if (hits.some((f) => a1(f.cells[0]) === address && f.cells[0].sheet === c.sheet)) blamedExactly++;
    }
    expect(mutated).toBeGreaterThan(150);
    // Totals read by a single identity cannot be told from their terms; everything else is pinned to the cell.
    expect(blamedExactly / mutated).toBeGreaterThan(0.8);
  });
});
