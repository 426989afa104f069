/**
 * Which inflater the Node reader uses (src/xlsx/read-file.ts): zlib for every part it can inflate whole, and fflate's
 * streaming inflater — loaded only then, since fflate builds its tables when it loads — for a part too large for that.
 */
import type { GridWorkbook } from "../../src/core/grid";
import { readXlsxBytes } from "../../src/xlsx/read-bytes";
import { bookWith, sheetXml } from "./producers";

/** Reads with the Node entry in a fresh module registry, telling whether fflate was loaded on the way. */
async function readWithNode(bytes: Uint8Array): Promise<{ wb: GridWorkbook; fflateLoaded: boolean }> {
  let fflateLoaded = false;
  let wb: GridWorkbook | undefined;
  await jest.isolateModulesAsync(async () => {
    jest.doMock("fflate", () => {
      fflateLoaded = true;
      return jest.requireActual("fflate");
    });
    const { readXlsxBuffer } = await import("../../src/xlsx/read-file");
    wb = await readXlsxBuffer(bytes, "t.xlsx");
  });
  return { wb: wb as GridWorkbook, fflateLoaded };
}

const row = (r: number, pad = "") => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>行${r}</t></is></c></row>${pad}`;

describe("the Node reader's inflaters", () => {
  test("an ordinary workbook is read by zlib alone: fflate is not loaded", async () => {
    const bytes = bookWith([{ name: "S", xml: sheetXml(row(1) + row(2)) }]);
    const { wb, fflateLoaded } = await readWithNode(bytes);
    expect(wb.sheets[0].values).toEqual([
      [1, "行1"],
      [2, "行2"],
    ]);
    expect(fflateLoaded).toBe(false);
  });

  test("a sheet part over 64 MB streams through fflate, loaded for it, and reads as in the browser", async () => {
    // 20 rows, each followed by 3.5 MB of white space (under the bound on one run of text): 70 MB of XML, a few hundred KB zipped.
    const pad = " ".repeat(3_500_000);
    let rows = "";
    for (let r = 1; r <= 20; r++) rows += row(r, pad);
    const bytes = bookWith([{ name: "S", xml: sheetXml(rows) }]);
    const { wb, fflateLoaded } = await readWithNode(bytes);
    expect(fflateLoaded).toBe(true);
    expect(wb.sheets[0].values.length).toBe(20);
    expect(wb.sheets[0].values[19]).toEqual([20, "行20"]);
    expect(wb.sheets).toEqual(readXlsxBytes(bytes, "t.xlsx").sheets);
  });
});
