/** A template set saved as .xlsx and read back the way the CLI reads files still checks clean. */
import { readXlsxBuffer } from "../../../src/cli/xlsx-grid";
import { gridToXlsx } from "../../helpers/grid-to-xlsx";
import { checkWorkbook, recogniseAll } from "../../../src/core/engine";
import { buildTemplateSet, templateSetKinds, templatesToWorkbook, type TemplateStyle } from "../../../src/core/templates";
import { OPTIONS } from "./helpers";

describe.each(["unit", "department"] as TemplateStyle[])("template set through .xlsx (%s style)", (style) => {
  it("keeps formulas, merges and formats, and is recognised and clean after reading back", async () => {
    const grid = templatesToWorkbook(buildTemplateSet({ ...OPTIONS, style }));
    const back = await readXlsxBuffer(new Uint8Array(await gridToXlsx(grid)), "模板.xlsx");
    expect(back.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
    grid.sheets.forEach((sheet, i) => {
      const read = back.sheets[i];
      // Every formula and its format survive (the reader skips empty cells, so only those are compared).
      sheet.formulas?.forEach((row, r) =>
        row?.forEach((f, c) => {
          if (!f) return;
          expect(read.formulas?.[r]?.[c]).toBe(f);
          expect(read.numberFormats?.[r]?.[c]).toBe("#,##0.00");
        }),
      );
      expect(read.merges.length).toBe(sheet.merges.length);
    });
    expect(recogniseAll(back).map((t) => t.kind)).toEqual([...templateSetKinds(style)]);
    expect(checkWorkbook(back).findings).toEqual([]);
  });
});
