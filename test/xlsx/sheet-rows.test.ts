/**
 * How cells land in the grid's rows (src/xlsx/sheet.ts, RowBuffer): each row's arrays are made once the row is
 * read, so the grid must be exactly what writing every cell in place gives — cells out of order, a row met again
 * after later rows, a cell given twice, one far cell in a row, formats on some cells only — in the dense grid and in
 * the sparse one. Checked against that in-place model on random sheets, holes told apart from undefined.
 */
import fc from "fast-check";
import type { CellValue, GridSheet } from "../../src/core/grid";
import { readXlsxBytes } from "../../src/xlsx/read-bytes";
import { columnLetters } from "../../src/core/address";
import { bookWith, MAIN } from "./producers";

interface Cell {
  row: number;
  col: number;
  value: number | null;
  styled: boolean;
}

const STYLES = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/** The cells as `<row>`s in the order given: a new `<row>` whenever the row changes, so a row can be met again. */
function sheetXml(cells: readonly Cell[]): string {
  let xml = "";
  let open = -1;
  for (const c of cells) {
    if (c.row !== open) {
      if (open >= 0) xml += "</row>";
      xml += `<row r="${c.row + 1}">`;
      open = c.row;
    }
    const ref = `${columnLetters(c.col)}${c.row + 1}`;
    const s = c.styled ? ` s="1"` : "";
    xml += c.value === null ? `<c r="${ref}"${s}/>` : `<c r="${ref}"${s}><v>${c.value}</v></c>`;
  }
  if (open >= 0) xml += "</row>";
  return `<worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`;
}

function read(cells: readonly Cell[]): GridSheet {
  return readXlsxBytes(bookWith([{ name: "S", xml: sheetXml(cells) }], { "xl/styles.xml": STYLES }), "t.xlsx").sheets[0];
}

/** Every cell written in place, in document order, then the dense fill the reader applies when it is cheap. */
function inPlace(cells: readonly Cell[]): Pick<GridSheet, "values" | "numberFormats"> & { rowCount: number; colCount: number } {
  const values: CellValue[][] = [];
  let formats: (string | null | undefined)[][] | undefined;
  let rowCount = 0;
  let colCount = 0;
  let stored = 0;
  for (const c of cells) {
    if (c.value === null) continue;
    stored++;
    (values[c.row] ??= [])[c.col] = c.value;
    if (c.styled) ((formats ??= [])[c.row] ??= [])[c.col] = "#,##0.00";
    rowCount = Math.max(rowCount, c.row + 1);
    colCount = Math.max(colCount, c.col + 1);
  }
  if (rowCount * colCount <= 4 * stored + 65_536)
    for (let r = 0; r < rowCount; r++) {
      const row = (values[r] ??= []);
      for (let c = 0; c < colCount; c++) if (row[c] === undefined) row[c] = null;
      row.length = colCount;
    }
  return { values, numberFormats: formats, rowCount, colCount };
}

/**
 * Rows and slots as [index, value] lists: holes are absent, an explicit undefined is listed. A row's length is
 * compared only where asked: a sparse grid's row may be made at the sheet's width so far, its tail holes.
 */
function slots(grid: readonly (readonly unknown[] | undefined)[] | undefined, lengths = true): unknown {
  if (!grid) return undefined;
  const out: unknown[] = [];
  grid.forEach((row, r) => out.push([r, row && (lengths ? row.length : true), row && Object.keys(row).map((k) => [Number(k), row[Number(k)]])]));
  return [grid.length, out];
}

function expectSame(cells: readonly Cell[]): void {
  const got = read(cells);
  const want = inPlace(cells);
  const dense = want.rowCount * want.colCount <= 4 * cells.filter((c) => c.value !== null).length + 65_536;
  expect(slots(got.values, dense)).toEqual(slots(want.values, dense));
  // However made, no row holds anything past the used area.
  for (const row of got.values) if (row) expect(Object.keys(row).every((k) => Number(k) < want.colCount)).toBe(true);
  expect(slots(got.numberFormats)).toEqual(slots(want.numberFormats));
  expect([got.rowCount, got.colCount]).toEqual([want.rowCount, want.colCount]);
}

const cell = (row: number, col: number, value: number | null = row * 100 + col, styled = false): Cell => ({ row, col, value, styled });

describe("rows of the grid, made once each row is read", () => {
  it("cells out of order in a row, and a cell given twice (the later wins)", () => {
    expectSame([cell(0, 3), cell(0, 1), cell(0, 3, 7), cell(1, 0)]);
    expect(read([cell(0, 3), cell(0, 1), cell(0, 3, 7)]).values[0]).toEqual([null, 1, null, 7]);
  });

  it("a row met again after later rows keeps both visits' cells", () => {
    const cells = [cell(0, 0), cell(1, 0), cell(0, 2, 5, true), cell(2, 1)];
    expectSame(cells);
    expect(read(cells).values[0]).toEqual([0, null, 5]);
    expect(read(cells).numberFormats?.[0]?.[2]).toBe("#,##0.00");
  });

  it("formats only where a cell has one, at the width of the last formatted cell", () => {
    const cells = [cell(0, 0, 1, true), cell(0, 4, 2), cell(1, 2, 3, true), cell(1, 3, null, true)];
    expectSame(cells);
    const f = read(cells).numberFormats!;
    expect(f[0].length).toBe(1);
    expect(f[1].length).toBe(3);
    expect(1 in f[1]).toBe(false);
  });

  it("one far cell keeps the grid sparse and its row small", () => {
    const cells = [cell(0, 0), cell(5, 16_383, 9), cell(6, 1)];
    expectSame(cells);
    const s = read(cells);
    expect(s.values[5][16_383]).toBe(9);
    expect(Object.keys(s.values[5])).toEqual(["16383"]);
    expect(3 in s.values).toBe(false);
  });

  it("matches writing in place on random sheets, dense and sparse", () => {
    const arbCell = fc.record({
      row: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 300_000 })),
      col: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 16_383 }) }),
      value: fc.option(fc.integer({ min: -1000, max: 1000 }), { freq: 5 }),
      styled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbCell, { maxLength: 40 }), fc.boolean(), (cells, sorted) => {
        const list = sorted ? [...cells].sort((a, b) => a.row - b.row) : cells;
        if (list.every((c) => c.value === null)) return;
        expectSame(list);
      }),
      { numRuns: 200 },
    );
  });
});
