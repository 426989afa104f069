import { parseA1, parseRange } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/engine";
import { buildTemplate, templateSetKinds } from "../../src/core/templates";
import { MemoryHost } from "../../src/host/memory-host";
import { OfficeHost } from "../../src/excel/office-host";
import { tableBlockFromTemplate } from "../../src/host/template-block";
import { caps, typicalWorkbook } from "../excel/fixtures";

const OPTIONS = { year: 2026, unitName: "某某中心", unitCode: "323003", measure: "万元" as const };

describe("templates through the host", () => {
  it("the full unit set inserted on new sheets of an empty workbook checks clean, formulas kept", async () => {
    const host = new MemoryHost({ name: "新建.xlsx", sheets: [{ name: "Sheet1", values: [], merges: [] }] });
    for (const kind of templateSetKinds("unit")) await host.insertBlock(tableBlockFromTemplate(buildTemplate(kind, OPTIONS)), "new-sheet");
    const wb = host.workbook;
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "收支总表",
      "收入总表",
      "支出总表",
      "财政拨款收支总表",
      "一般公共预算支出表",
      "基本支出表",
      "政府性基金支出表",
      "国有资本经营支出表",
      "三公经费支出表",
    ]);
    const result = checkWorkbook(wb);
    expect(result.findings).toEqual([]);
    expect(result.tables.map((t) => t.kind)).toContain("three-public");
    const summary = wb.sheets.find((s) => s.name === "收支总表")!;
    expect(summary.formulas!.flat().filter(Boolean).length).toBeGreaterThan(3);
  });

  it("a template inserted at a selection gets formulas that name the cells where it landed", async () => {
    const host = new MemoryHost({ name: "x.xlsx", sheets: [{ name: "表", values: [], merges: [] }] });
    const template = buildTemplate("three-public", OPTIONS);
    host.select("表", "D41");
    const r = await host.insertBlock(tableBlockFromTemplate(template), "selection");
    expect(r.range.top).toBe(40);
    const s = host.workbook.sheets[0];
    const atA1 = template.formulas.flat().find(Boolean)!;
    const placed = s.formulas!.flat().find(Boolean)!;
    expect(placed).not.toEqual(atA1);
    expect(placed).toMatch(/[D-Z]\d{2}/);
    expect(checkWorkbook(host.workbook).findings).toEqual([]);
    const { row, col } = parseA1("D41");
    expect(s.values[row][col]).toBe(template.values[0][0]);
  });

  it("refuses to insert over existing data, naming the sheet and cells", async () => {
    const host = new MemoryHost({ name: "x.xlsx", sheets: [{ name: "表", values: [[null, null], [null, "已有数据"]], merges: [] }] });
    host.select("表", "A1");
    await expect(host.insertBlock(tableBlockFromTemplate(buildTemplate("summary", OPTIONS)), "selection")).rejects.toThrow(/表/);
    expect(host.workbook.sheets[0].values[1][1]).toBe("已有数据");
  });
});

describe("templates through the Office host (fake Excel)", () => {
  it("a template at a selection is written with its formulas shifted to where it landed, in two syncs", async () => {
    const excel = typicalWorkbook(1, 3);
    excel.selection = { sheetId: excel.sheets[0].id, range: parseRange("H40") };
    const before = excel.syncCount;
    const formulasBefore = new Set([...excel.sheet("Sheet1").cells.values()].filter((c) => typeof c.formula === "string"));
    const template = buildTemplate("three-public", OPTIONS);
    const result = await new OfficeHost(excel.runner, { capabilities: caps() }).insertBlock(tableBlockFromTemplate(template), "selection");
    expect(excel.syncCount - before).toBe(2);
    expect(result.range.top).toBe(39);
    const cells = [...excel.sheet("Sheet1").cells.values()].filter((c) => typeof c.formula === "string" && !formulasBefore.has(c));
    expect(cells.length).toBe(template.formulas.flat().filter(Boolean).length);
    // Every formula names rows of the placed block (row 40 onwards), none of the A1 block.
    for (const c of cells) for (const m of String(c.formula).matchAll(/[A-Z]+(\d+)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(40);
  });
});

describe("template layout through the Office host (fake Excel)", () => {
  const formatsOf = (excel: ReturnType<typeof typicalWorkbook>, sheet: string) => excel.sheet(sheet).layout?.formats ?? [];
  const rowsWith = (formats: { area: { top: number; bottom: number }; prop: string; value: unknown }[], prop: string, value: unknown) =>
    formats.filter((f) => f.prop === prop && f.value === value).flatMap((f) => Array.from({ length: f.area.bottom - f.area.top + 1 }, (_, i) => f.area.top + i));

  it("a new sheet gets the template's column widths, title, header, grid lines, bold totals and print setup", async () => {
    const excel = typicalWorkbook(1, 3);
    const template = buildTemplate("general-expenditure", OPTIONS);
    const before = excel.syncCount;
    const r = await new OfficeHost(excel.runner, { capabilities: caps() }).insertBlock(tableBlockFromTemplate(template), "new-sheet");
    expect(excel.syncCount - before).toBe(3); // sheet names, the table with its formats, the print setup
    const layout = excel.sheet(r.sheet).layout!;
    // Widths in points from the template's character widths (Excel: (chars × 7 + 5) × 0.75).
    expect([...layout.columnWidths.keys()]).toEqual(template.columnWidths.map((_, c) => c));
    template.columnWidths.forEach((w, c) => expect(layout.columnWidths.get(c)).toBeCloseTo((w * 7 + 5) * 0.75, 1));
    const { regions } = template;
    const f = layout.formats;
    expect(rowsWith(f, "font.size", 16)).toEqual([regions.titleRow]);
    const headerRows = Array.from({ length: regions.headerRows.last - regions.headerRows.first + 1 }, (_, i) => regions.headerRows.first + i);
    expect(rowsWith(f, "wrapText", true)).toEqual(headerRows);
    for (const total of regions.totalRows) expect(rowsWith(f, "font.bold", true)).toContain(total);
    const grid = f.filter((x) => x.prop === "borders.InsideHorizontal.style");
    expect(grid.map((x) => [x.area.top, x.area.bottom, x.area.left, x.area.right, x.value])).toEqual([
      [regions.headerRows.first, regions.bodyRows.last, 0, template.colCount - 1, "Continuous"],
    ]);
    expect(layout.page).toEqual({
      orientation: template.print.orientation === "landscape" ? "Landscape" : "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: `$${regions.headerRows.first + 1}:$${template.print.repeatRows.last + 1}`,
      printArea: { top: 0, left: 0, bottom: template.rowCount - 1, right: template.colCount - 1 },
    });
  });

  it("at a selection the formats land with the block, and the user's column widths, row heights and print setup are left alone", async () => {
    const excel = typicalWorkbook(1, 3);
    excel.selection = { sheetId: excel.sheets[0].id, range: parseRange("H40") };
    const template = buildTemplate("three-public", OPTIONS);
    const before = excel.syncCount;
    await new OfficeHost(excel.runner, { capabilities: caps() }).insertBlock(tableBlockFromTemplate(template), "selection");
    expect(excel.syncCount - before).toBe(2);
    const layout = excel.sheet("Sheet1").layout!;
    expect(layout.columnWidths.size).toBe(0);
    expect(layout.rowHeights.size).toBe(0);
    expect(layout.page).toEqual({});
    const f = formatsOf(excel, "Sheet1");
    expect(rowsWith(f, "font.size", 16)).toEqual([39 + template.regions.titleRow]);
    expect(f.every((x) => x.area.top >= 39 && x.area.left >= 7 && x.area.right <= 7 + template.colCount - 1)).toBe(true);
  });

  it("without ExcelApi 1.9 the table is inserted and formatted, with no print setup (two syncs)", async () => {
    const excel = typicalWorkbook(1, 3);
    const before = excel.syncCount;
    const r = await new OfficeHost(excel.runner, { capabilities: caps({ pageLayout: false }) }).insertBlock(
      tableBlockFromTemplate(buildTemplate("summary", OPTIONS)),
      "new-sheet",
    );
    expect(excel.syncCount - before).toBe(2);
    expect(excel.sheet(r.sheet).layout!.page).toEqual({});
    expect(excel.sheet(r.sheet).layout!.columnWidths.size).toBeGreaterThan(0);
  });
});
