/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { parseRange } from "../../src/core/address";
import { buildTemplate } from "../../src/core/templates";
import { TargetNotEmptyError } from "../../src/host/host";
import { OfficeHost } from "../../src/excel/office-host";
import { caps, typicalWorkbook } from "../excel/fixtures";
import { fakeServices } from "./fake-services";
import { renderPane } from "./render-pane";

const SETTINGS = { year: 2027, unitName: "测试单位", measure: "万元" as const };

/** The pane's fake services with inserts going to the real Office host over a fake Excel (one data sheet, Sheet1). */
function servicesOverExcel() {
  const services = fakeServices(undefined, { settings: SETTINGS });
  const excel = typicalWorkbook(1, 3);
  const office = new OfficeHost(excel.runner, { capabilities: caps() });
  services.host.insertBlock.mockImplementation((block, target) => office.insertBlock(block, target));
  return { services, excel };
}

type Formats = { area: { top: number; bottom: number }; prop: string; value: unknown }[];
const rowsWith = (formats: Formats, prop: string, value: unknown) =>
  formats.filter((f) => f.prop === prop && f.value === value).flatMap((f) => Array.from({ length: f.area.bottom - f.area.top + 1 }, (_, i) => f.area.top + i));

describe("Templates tab", () => {
  it("inserts the full set, one new sheet per table, titled for the year, totals as formulas", async () => {
    const services = fakeServices(undefined, { settings: { year: 2027, unitName: "测试单位" } });
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("button", { name: "插入整套公开表（9 张）" }));
    expect(await screen.findByText("已插入 9 张表")).toBeInTheDocument();
    const calls = services.host.insertBlock.mock.calls;
    expect(calls).toHaveLength(9);
    expect(calls.every(([, target]) => target === "new-sheet")).toBe(true);
    const [summary] = calls[0];
    expect(summary.title).toBe("收支总表");
    expect(summary.values[0][0]).toBe("2027年单位预算收支总表");
    expect(summary.values[1][0]).toBe("测试单位");
    expect(summary.formulasAt!({ row: 0, col: 0 }).flat().some((f) => f?.startsWith("SUM("))).toBe(true);
    expect(summary.merges?.length).toBeGreaterThan(0);
    // Every table carries its template's layout (the one converter, src/host/template-block.ts).
    expect(calls.every(([b]) => b.layout && b.layout.columnWidths.length > 0 && b.layout.print)).toBe(true);
  });

  it("offers the 决算 set: its nine tables and the full set in the 上海 layout", async () => {
    const services = fakeServices(undefined, { settings: { year: 2024, unitName: "测试单位" } });
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "决算" }));
    expect(screen.getByRole("button", { name: "插入 一般公共预算财政拨款基本支出决算表" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "插入 单位预算收支总表" })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "插入整套公开表（9 张）" }));
    expect(await screen.findByText("已插入 9 张表")).toBeInTheDocument();
    const calls = services.host.insertBlock.mock.calls;
    expect(calls.map(([b]) => b.title)).toEqual([
      "收入支出决算总表",
      "收入决算表",
      "支出决算表",
      "财政拨款收入支出决算总表",
      "一般公共预算财政拨款支出决算表",
      "一般公共预算财政拨款基本支出决算表",
      "财政拨款“三公”经费支出决算表",
      "政府性基金预算财政拨款收入支出决算表",
      "国有资本经营预算财政拨款收入支出决算表",
    ]);
    expect(calls[0][0].values[1]).toEqual(expect.arrayContaining(["编制单位：测试单位", "2024年度"]));
    fireEvent.click(screen.getByRole("button", { name: "插入 收入决算表" }));
    await waitFor(() => expect(calls).toHaveLength(10));
    expect(calls[9][0].values[0][0]).toBe("收入决算表");
  });

  it("a table inserted on a new sheet reaches Excel with its layout: bold title and totals, widths, print setup", async () => {
    const { services, excel } = servicesOverExcel();
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("button", { name: "插入 单位预算一般公共预算财政拨款支出表" }));
    expect(await screen.findByText("已插入 1 张表")).toBeInTheDocument();
    const template = buildTemplate("general-expenditure", SETTINGS);
    const [block, target] = services.host.insertBlock.mock.calls[0];
    expect(target).toBe("new-sheet");
    expect(block.layout).toEqual({ columnWidths: template.columnWidths, rowHeights: template.rowHeights, regions: template.regions, print: template.print });
    const sheet = excel.sheet("一般公共预算支出表");
    const { formats, columnWidths, page } = sheet.layout!;
    const { regions } = template;
    expect(rowsWith(formats, "font.size", 16)).toEqual([regions.titleRow]);
    expect(regions.totalRows.length).toBeGreaterThan(0);
    for (const total of [regions.titleRow, ...regions.totalRows]) expect(rowsWith(formats, "font.bold", true)).toContain(total);
    template.columnWidths.forEach((w, c) => expect(columnWidths.get(c)).toBeCloseTo((w * 7 + 5) * 0.75, 1));
    expect(page.orientation).toBe(template.print.orientation === "landscape" ? "Landscape" : "Portrait");
    expect(page.printArea).toEqual({ top: 0, left: 0, bottom: template.rowCount - 1, right: template.colCount - 1 });
    expect(page.titleRows).toBe(`$${template.print.repeatRows.first + 1}:$${template.print.repeatRows.last + 1}`);
  });

  it("at the selection the table lands with its formats and formulas for its real cells, and no widths or print setup", async () => {
    const { services, excel } = servicesOverExcel();
    const blank = excel.addSheet("空白");
    excel.selection = { sheetId: blank.id, range: parseRange("B4") };
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "所选位置" }));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收支总表" }));
    expect(await screen.findByText("已插入 1 张表")).toBeInTheDocument();
    expect(services.host.insertBlock.mock.calls[0][1]).toBe("selection");
    const template = buildTemplate("summary", SETTINGS);
    const { formats, columnWidths, rowHeights, page } = blank.layout!;
    // B4 is row 3: the title and total rows move down by three; the user's columns and page keep their setup.
    expect(rowsWith(formats, "font.size", 16)).toEqual([3 + template.regions.titleRow]);
    for (const total of template.regions.totalRows) expect(rowsWith(formats, "font.bold", true)).toContain(3 + total);
    expect(columnWidths.size).toBe(0);
    expect(rowHeights.size).toBe(0);
    expect(page).toEqual({});
    // The first amount column C of an A1 block is D here, and its sums name rows of the placed block.
    const formulas = [...blank.cells.values()].map((c) => c.formula).filter((f): f is string => typeof f === "string");
    expect(formulas.length).toBe(template.formulas.flat().filter(Boolean).length);
    expect(formulas.some((f) => /^=SUM\(D\d+:D\d+\)$/.test(f))).toBe(true);
    for (const f of formulas) for (const m of f.matchAll(/[A-Z]+(\d+)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(4);
  });

  it("at a selection over the user's data nothing is written and the pane says where", async () => {
    const { services, excel } = servicesOverExcel();
    excel.selection = { sheetId: excel.sheet("Sheet1").id, range: parseRange("B2") };
    const before = [...excel.sheet("Sheet1").cells.entries()].map(([k, c]) => [k, { ...c }]);
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "所选位置" }));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收支总表" }));
    expect(await screen.findByText(/目标区域 Sheet1!B2:\w+ 不为空/)).toBeInTheDocument();
    expect([...excel.sheet("Sheet1").cells.entries()]).toEqual(before);
    expect(excel.sheet("Sheet1").layout).toBeUndefined();
  });

  it("shows the host's refusal and changes the unit of measure", async () => {
    const services = fakeServices();
    services.host.insertBlock.mockRejectedValueOnce(new TargetNotEmptyError("Sheet1", "B4:F42"));
    await renderPane(services, "templates");
    fireEvent.click(await screen.findByRole("radio", { name: "元" }));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收入总表" }));
    expect(await screen.findByText(/目标区域 Sheet1!B4:F42 不为空/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算收入总表" }));
    await waitFor(() => expect(services.host.insertBlock).toHaveBeenCalledTimes(2));
    expect(services.host.insertBlock.mock.calls[1][0].values.flat()).toContain("单位：元");
    await waitFor(() => expect(services.settings.saved.at(-1)?.measure).toBe("元"));
  });

  it("uses the year chosen in the tab (saved as the settings' year)", async () => {
    const services = fakeServices();
    await renderPane(services, "templates");
    const year = await screen.findByRole("spinbutton", { name: "预算年度" });
    fireEvent.change(year, { target: { value: "2028" } });
    fireEvent.keyDown(year, { key: "Enter" });
    await waitFor(() => expect(services.settings.saved.at(-1)?.year).toBe(2028));
    fireEvent.click(screen.getByRole("button", { name: "插入 单位预算支出总表" }));
    await waitFor(() => expect(services.host.insertBlock).toHaveBeenCalledTimes(1));
    expect(services.host.insertBlock.mock.calls[0][0].values[0][0]).toBe("2028年单位预算支出总表");
  });
});
