/**
 * Load/sync ordering against Microsoft's office-addin-mock. It returns error *strings* for properties read before
 * load or sync (it does not throw), so these tests assert on values: a premature read would surface as a string.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import chain fails in this
// install (ajv-draft-04 resolves the hoisted ajv 6, which lacks ajv/dist/core). Load just the enum's module.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { officeCapabilities } from "../../src/excel/capabilities";
import type { ExcelRunner } from "../../src/excel/excel-runner";
import { TargetNotEmptyError } from "../../src/host/host";
import { OfficeHost } from "../../src/excel/office-host";
import { caps } from "./fixtures";

interface MockRange {
  values: unknown[][];
  numberFormat?: unknown[][];
}

function selectionMock(targetValues: string[][]) {
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        selection: {
          rowIndex: 1,
          columnIndex: 7,
          worksheet: { name: "一般公共预算支出表" },
          target: { values: targetValues, formulas: targetValues, numberFormat: [[]] },
          getCell: function () {
            return this;
          },
          getAbsoluteResizedRange: function () {
            return this.target;
          },
        },
        getSelectedRange: function () {
          return this.selection;
        },
      },
    },
    run: async function (callback: (ctx: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  });
  // No built-in counter: wrap the context's sync (load semantics stay intact).
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    return sync();
  };
  const runner: ExcelRunner = (batch) => mock.run(batch);
  return { mock, runner, syncs: () => syncs };
}

describe("office-addin-mock: load/sync ordering", () => {
  it("the mock returns an error string (not an exception) for a read before sync", () => {
    const { mock } = selectionMock([[""]]);
    const range = mock.context.workbook.getSelectedRange();
    expect(range.rowIndex).toBe("Error, property was not loaded");
    range.load("rowIndex");
    expect(range.rowIndex).toBe("Error, context.sync() was not called");
  });

  it("insertCodes loads the selection, syncs, then writes text-formatted codes: two syncs", async () => {
    const { mock, runner, syncs } = selectionMock([["", "", "", ""]]);
    const host = new OfficeHost(runner, { capabilities: caps() });
    const result = await host.insertCodes([{ code: "2080505", name: "机关事业单位基本养老保险缴费支出" }], "split");
    expect(syncs()).toBe(2);
    // Correct row/column only if rowIndex/columnIndex were read after the sync.
    expect(result).toEqual({ sheet: "一般公共预算支出表", range: { top: 1, left: 7, bottom: 1, right: 10 } });
    const target = mock.context.workbook.selection.target as MockRange;
    expect(target.values).toEqual([["208", "05", "05", "机关事业单位基本养老保险缴费支出"]]);
    expect(target.numberFormat).toEqual([["@", "@", "@", "@"]]);
  });

  it("insertCodes refuses a non-empty target, naming the sheet and cells, and writes nothing", async () => {
    const { mock, runner, syncs } = selectionMock([["", "旧数据", "", ""]]);
    const host = new OfficeHost(runner, { capabilities: caps() });
    const attempt = host.insertCodes([{ code: "2080505", name: "x" }], "split");
    await expect(attempt).rejects.toBeInstanceOf(TargetNotEmptyError);
    await expect(attempt).rejects.toThrow("目标区域 一般公共预算支出表!H2:K2 不为空");
    expect(syncs()).toBe(1);
    expect((mock.context.workbook.selection.target as MockRange).values).toEqual([["", "旧数据", "", ""]]);
  });

  it("capabilities read Office.context.requirements once", () => {
    const asked: string[] = [];
    const office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => {
            asked.push(`${name} ${version}`);
            return Number(version.split(".")[1]) <= 14; // e.g. Office 2021 (ExcelApi 1.14)
          },
        },
      },
    });
    (globalThis as { Office?: unknown }).Office = office;
    try {
      const c = officeCapabilities();
      expect(c).toMatchObject({
        annotations: "comments",
        changeEvents: "workbook",
        triggerSource: true,
        mergedAreas: true,
        renameEvents: false,
      });
      const n = asked.length;
      officeCapabilities();
      expect(asked.length).toBe(n);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
