import { generateWorkbook } from "../../bench/generate";
import { CellIndex } from "../../src/core/cell-index";
import { identitiesFor, recogniseAll } from "../../src/core/engine";
import { cellsOf, forEachCell, type CellKey } from "../../src/core/rules/identity";

it("readersOfCells (a one-shot check's pass over the identities) lists what the per-sheet index lists", () => {
  const wb = generateWorkbook(300);
  const tables = recogniseAll(wb);
  const identities = identitiesFor(tables);
  expect(identities.some((i) => i.line)).toBe(true);
  // Cells of every 37th identity, and the neighbours of some (cells no identity may read).
  const cells: CellKey[] = [];
  identities.forEach((id, i) => {
    if (i % 37 !== 0) return;
    for (const c of cellsOf(id)) cells.push(c, { ...c, row: c.row + 1000 });
  });
  const oneShot = new CellIndex(wb, (s) => tables.filter((t) => t.sheet === s));
  oneShot.reset(identities);
  const readers = oneShot.readersOfCells(cells);
  const indexed = new CellIndex(wb, (s) => tables.filter((t) => t.sheet === s));
  indexed.reset(identities);
  for (const c of cells) expect([...readers(c)]).toEqual([...indexed.readersOf(c)]);
  expect(cells.some((c) => indexed.readersOf(c).length > 1)).toBe(true);
});

it("a line sum's cells walked by forEachCell are its left, right and minus keys", () => {
  const wb = generateWorkbook(300);
  for (const id of identitiesFor(recogniseAll(wb))) {
    const walked: CellKey[] = [];
    forEachCell(id, (sheet, row, col) => walked.push({ sheet, row, col }));
    expect(walked).toEqual(cellsOf(id));
  }
});
