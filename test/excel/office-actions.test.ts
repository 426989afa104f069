import { parseRange } from "../../src/core/address";
import { TargetNotEmptyError } from "../../src/host/host";
import { OfficeHost } from "../../src/excel/office-host";
import { caps, typicalWorkbook } from "./fixtures";

const template = {
  title: "一般公共预算支出表",
  values: [
    ["一般公共预算支出表", null, null],
    ["科目编码", "科目名称", "合计"],
    ["合计", null, 0],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
};

describe("OfficeHost navigation and inserts", () => {
  it("selectCells activates the sheet and selects the finding's cells on it in one sync", async () => {
    const excel = typicalWorkbook(2, 10);
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    await host.selectCells([
      { sheet: "Sheet2", row: 7, col: 2 },
      { sheet: "Sheet2", row: 3, col: 2 },
      { sheet: "Sheet1", row: 8, col: 2 },
    ]);
    expect(excel.syncCount).toBe(1);
    expect(excel.activeSheetId).toBe(excel.sheet("Sheet2").id);
    expect(excel.selectedAreas).toEqual(["C8", "C4"]);
  });

  it("selectCells selects only the first cell without RangeAreas (ExcelApi 1.9)", async () => {
    const excel = typicalWorkbook(1, 10);
    await new OfficeHost(excel.runner, { capabilities: caps({ rangeAreas: false }) }).selectCells([
      { sheet: "Sheet1", row: 7, col: 2 },
      { sheet: "Sheet1", row: 3, col: 2 },
    ]);
    expect(excel.selectedAreas).toEqual(["C8"]);
  });

  it("insertBlock on a new sheet picks a free name and writes values and merges in two syncs", async () => {
    const excel = typicalWorkbook(1, 3);
    excel.addSheet("一般公共预算支出表");
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const result = await host.insertBlock(template, "new-sheet");
    expect(excel.syncCount).toBe(2);
    expect(result).toEqual({ sheet: "一般公共预算支出表(2)", range: parseRange("A1:C3") });
    const s = excel.sheet("一般公共预算支出表(2)");
    expect(s.cells.get("0000001:00001")?.value).toBe("科目名称");
    expect(s.cells.get("0000000:00001")?.value).toBeUndefined();
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(excel.activeSheetId).toBe(s.id);
  });

  it("insertBlock at an empty selection writes there", async () => {
    const excel = typicalWorkbook(1, 3);
    excel.selection = { sheetId: excel.sheets[0].id, range: parseRange("H10") };
    const result = await new OfficeHost(excel.runner, { capabilities: caps() }).insertBlock(template, "selection");
    expect(result).toEqual({ sheet: "Sheet1", range: parseRange("H10:J12") });
    expect(excel.sheet("Sheet1").cells.get("0000011:00009")?.value).toBe(0);
    expect(excel.sheet("Sheet1").merges).toContainEqual({ top: 9, left: 7, bottom: 9, right: 9 });
  });

  it("insertBlock refuses a selection over data, naming sheet and cells, and changes nothing", async () => {
    const excel = typicalWorkbook(1, 3);
    excel.selection = { sheetId: excel.sheets[0].id, range: parseRange("E5") };
    const before = excel.snapshot();
    const attempt = new OfficeHost(excel.runner, { capabilities: caps() }).insertBlock(template, "selection");
    await expect(attempt).rejects.toBeInstanceOf(TargetNotEmptyError);
    await expect(attempt).rejects.toThrow("Sheet1!E5:G7");
    expect(excel.snapshot()).toEqual(before);
  });

  it("insertCodes code+name writes one text cell per code", async () => {
    const excel = typicalWorkbook(1, 3);
    excel.selection = { sheetId: excel.sheets[0].id, range: parseRange("H2") };
    await new OfficeHost(excel.runner, { capabilities: caps() }).insertCodes(
      [
        { code: "208", name: "社会保障和就业支出" },
        { code: "20805", name: "行政事业单位养老支出" },
      ],
      "code+name",
    );
    const s = excel.sheet("Sheet1");
    expect(s.cells.get("0000001:00007")).toEqual({ value: "208 社会保障和就业支出", numberFormat: "@" });
    expect(s.cells.get("0000002:00007")?.value).toBe("20805 行政事业单位养老支出");
  });
});
