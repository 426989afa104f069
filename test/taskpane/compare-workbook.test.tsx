/** @jest-environment jsdom */
/** The Check tab's "Compare with another workbook…": the open department workbook against a unit's file. */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { toA1 } from "../../src/core/address";
import { recogniseAll } from "../../src/core/engine";
import type { GridWorkbook } from "../../src/core/grid";
import { buildTemplateSet, templatesToWorkbook } from "../../src/core/templates";
import { fakeServices } from "./fake-services";
import { renderPane } from "./render-pane";

const DEPT = "某某局";

/** The standard 9 tables as the templates build them; the unit line says who publishes them, titles 部门 or 单位. */
function workbook(scope: "部门" | "单位", unitLine: string): GridWorkbook {
  const wb = templatesToWorkbook(buildTemplateSet({ year: 2026, unitName: DEPT, measure: "万元", style: "unit" }));
  for (const s of wb.sheets) {
    if (typeof s.values[1]?.[0] === "string") s.values[1][0] = unitLine;
    if (typeof s.values[0]?.[0] === "string") s.values[0][0] = s.values[0][0].replace("单位预算", `${scope}预算`);
  }
  return wb;
}

/** The 支出总表 合计 row's first amount cell (a formula in the template; its cached value is set here). */
function expenditureTotal(wb: GridWorkbook): { sheet: string; row: number; col: number } {
  const t = recogniseAll(wb).find((x) => x.kind === "expenditure")!;
  const row = t.rows.find((r) => r.role === "total")!.row;
  const col = t.columns.find((c) => c.role === "amount")!.col;
  return { sheet: t.sheet, row, col };
}

function pick(file: File) {
  fireEvent.change(screen.getByTestId("compare-file"), { target: { files: [file] } });
}

describe("Compare with another workbook…", () => {
  it("lists the department-sum finding naming this workbook's cell and the unit file's, and selects this one's", async () => {
    const dept = workbook("部门", `部门名称：${DEPT}`);
    const unit = workbook("单位", `预算主管部门：${DEPT} 预算单位：某某中心`);
    const cell = expenditureTotal(unit);
    unit.sheets.find((s) => s.name === cell.sheet)!.values[cell.row][cell.col] = 120.5;
    const services = fakeServices();
    services.host.readWorkbook.mockResolvedValue(dept);
    const read = jest.fn(async () => unit);
    services.readWorkbookFile = read;
    await renderPane(services);

    pick(new File(["bytes"], "某某中心.xlsx"));
    const results = await screen.findByTestId("compare-results");
    expect(read).toHaveBeenCalledWith(expect.any(ArrayBuffer), "某某中心.xlsx");
    expect(results).toHaveAccessibleName("与 某某中心.xlsx 比对");
    const items = within(results).getAllByTestId("finding");
    expect(items).toHaveLength(1);
    const address = toA1(cell.row, cell.col);
    expect(items[0]).toHaveTextContent(`[本工作簿]${cell.sheet}!${address}`);
    expect(items[0]).toHaveTextContent(`[某某中心.xlsx]${cell.sheet}!${address}`);
    expect(items[0]).toHaveTextContent("应为 120.50 · 实为 0.00");

    fireEvent.click(within(items[0]).getAllByRole("button")[0]);
    await waitFor(() => expect(services.host.selectCells).toHaveBeenCalledWith([{ sheet: cell.sheet, row: cell.row, col: cell.col }]));
  });

  it("says so when the workbooks agree, and reports a file it cannot read", async () => {
    const services = fakeServices();
    services.host.readWorkbook.mockResolvedValue(workbook("部门", `部门名称：${DEPT}`));
    services.readWorkbookFile = jest.fn(async () => workbook("单位", `预算主管部门：${DEPT} 预算单位：某某中心`));
    await renderPane(services);
    pick(new File(["bytes"], "某某中心.xlsx"));
    expect(await screen.findByText(/未发现跨工作簿的差异/)).toBeInTheDocument();

    services.readWorkbookFile = jest.fn(async () => {
      throw new Error("坏.xlsx: not an Excel workbook (.xlsx)");
    });
    pick(new File(["x"], "坏.xlsx"));
    expect(await screen.findByText(/坏\.xlsx: not an Excel workbook/)).toBeInTheDocument();
  });
});
