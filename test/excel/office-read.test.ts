import { OfficeHost } from "../../src/excel/office-host";
import { PAYLOAD_CAP_BYTES } from "../../src/excel/read-plan";
import { FakeExcel } from "./fake-excel";
import { caps, typicalWorkbook } from "./fixtures";

describe("OfficeHost.readWorkbook", () => {
  it("reads a typical unit workbook (12 sheets, ~3,100 cells) in one sync", async () => {
    const excel = typicalWorkbook();
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const wb = await host.readWorkbook();
    expect(excel.syncCount).toBe(1);
    expect(wb.sheets.map((s) => s.name)).toEqual(excel.sheets.map((s) => s.name));
    const s = wb.sheets[0];
    expect(s.values[0][0]).toBe("表1 一般公共预算支出表");
    expect(s.values[3][0]).toBe("2080501");
    expect(s.values[3][2]).toBe(30);
    expect(s.formulas?.[3][2]).toBe("D4+E4");
    expect(s.formulas?.[3][3]).toBeNull();
    expect(s.numberFormats?.[3][3]).toBe("0.00");
    expect(s.values[6][5]).toEqual({ error: "#DIV/0!" });
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(s.rowCount).toBe(43);
    expect(s.colCount).toBe(6);
    expect(excel.syncs[0].responseBytes).toBeLessThan(PAYLOAD_CAP_BYTES);
  });

  it("reads a ~50,000-cell workbook (12 sheets × 700 rows × 6 columns) in one sync", async () => {
    const excel = typicalWorkbook(12, 700);
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const wb = await host.readWorkbook();
    expect(excel.syncCount).toBe(1);
    expect(wb.sheets).toHaveLength(12);
    expect(wb.sheets[11].values[702][3]).toBe(709);
  });

  it("places a used range that does not start at A1 at its real position", async () => {
    const excel = new FakeExcel();
    excel.addSheet(
      "偏移",
      [
        [1, 2],
        [3, 4],
      ],
      { row: 4, col: 2 },
    );
    const wb = await new OfficeHost(excel.runner, { capabilities: caps() }).readWorkbook();
    expect(wb.sheets[0].values[4][2]).toBe(1);
    expect(wb.sheets[0].values[5][3]).toBe(4);
    expect(wb.sheets[0].values[0]).toEqual([]);
  });

  it("enumerates more sheets than its first guess with one extra sync per batch of sheets", async () => {
    const excel = typicalWorkbook(30, 3);
    const wb = await new OfficeHost(excel.runner, { capabilities: caps() }).readWorkbook();
    expect(wb.sheets).toHaveLength(30);
    expect(excel.syncCount).toBe(2);
  });

  it("reads empty sheets as empty grids", async () => {
    const excel = new FakeExcel();
    excel.addSheet("空表");
    const wb = await new OfficeHost(excel.runner, { capabilities: caps() }).readWorkbook();
    expect(wb.sheets[0]).toMatchObject({ name: "空表", values: [], merges: [] });
  });

  it("falls back to no merges without ExcelApi 1.13", async () => {
    const excel = typicalWorkbook(2, 3);
    const wb = await new OfficeHost(excel.runner, { capabilities: caps({ mergedAreas: false }) }).readWorkbook();
    expect(wb.sheets[0].merges).toEqual([]);
    expect(excel.syncCount).toBe(1);
  });

  describe("large workbooks (payload cap scaled down to 256 KB to keep the test fast)", () => {
    const cap = 256 * 1024;

    it("reads in ⌈payload / target⌉ block syncs after one failed optimistic sync and one address probe", async () => {
      const excel = typicalWorkbook(3, 3000, { payloadCap: cap }); // 54,054 cells
      const host = new OfficeHost(excel.runner, { capabilities: caps(), targetBytes: 200 * 1024 });
      const wb = await host.readWorkbook();
      const blockSyncs = excel.syncs.slice(2);
      const measured = blockSyncs.reduce((n, s) => n + s.responseBytes, 0);
      expect(excel.syncs[0].error).toBe("ResponsePayloadSizeLimitExceeded");
      expect(excel.syncs[1].responseBytes).toBeLessThan(1000); // addresses only
      expect(blockSyncs.every((s) => s.error === undefined && s.responseBytes <= cap)).toBe(true);
      // The first block is planned from the conservative estimate (48 bytes/cell), the rest from what it measured:
      // fewer syncs than the estimate alone would take (⌈54,054 × 48 / 200 KB⌉ = 13), within one of the floor at
      // the raised target (4.5/4 of 200 KB).
      expect(blockSyncs.length).toBeLessThan(Math.ceil((54_054 * 48) / (200 * 1024)));
      expect(blockSyncs.length).toBeLessThanOrEqual(Math.ceil(measured / (225 * 1024)) + 1);
      expect(blockSyncs.slice(1).every((s) => s.responseBytes > 150 * 1024 || s === blockSyncs[blockSyncs.length - 1])).toBe(true);
      expect(wb.sheets[2].values[3002][3]).toBe(3009);
      expect(wb.sheets[2].rowCount).toBe(3003);
      // The second read knows the size and goes straight to blocks (no failed attempt, probe kept).
      const before = excel.syncCount;
      await host.readWorkbook();
      expect(excel.syncs.slice(before).every((s) => s.error === undefined)).toBe(true);
      expect(excel.syncCount - before).toBe(1 + blockSyncs.length);
    });

    it("halves the block size and retries when a block still exceeds the cap", async () => {
      const excel = typicalWorkbook(1, 4000, { payloadCap: 64 * 1024 });
      const host = new OfficeHost(excel.runner, { capabilities: caps(), targetBytes: 1024 * 1024 }); // far too optimistic
      const wb = await host.readWorkbook();
      const failed = excel.syncs.filter((s) => s.error !== undefined);
      expect(failed.length).toBeGreaterThanOrEqual(3); // optimistic read + at least two halvings
      expect(failed.every((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
      expect(wb.sheets[0].values[4002][3]).toBe(4009);
      const ok = excel.syncs.filter((s) => s.error === undefined);
      expect(ok.every((s) => s.responseBytes <= 64 * 1024)).toBe(true);
    });

    it("splits a range read above Excel's 5,000,000-cell limit (RangeExceedsLimit)", async () => {
      const excel = typicalWorkbook(1, 500, { maxCellsPerRead: 1000 });
      const wb = await new OfficeHost(excel.runner, { capabilities: caps() }).readWorkbook();
      expect(excel.syncs[0].error).toBe("RangeExceedsLimit");
      expect(wb.sheets[0].values[502][3]).toBe(509);
    });
  });
});

describe("OfficeHost.readRanges / readSheets", () => {
  it("reads several edited areas in one sync", async () => {
    const excel = typicalWorkbook(3, 10);
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const out = await host.readRanges([
      { sheet: "Sheet1", range: { top: 3, left: 2, bottom: 4, right: 3 } },
      { sheet: "Sheet3", range: { top: 5, left: 5, bottom: 6, right: 5 } },
      { sheet: "不存在", range: { top: 0, left: 0, bottom: 0, right: 0 } },
    ]);
    expect(excel.syncCount).toBe(1);
    expect(out).toHaveLength(2);
    expect(out[0].values).toEqual([
      [30, 10],
      [31, 11],
    ]);
    expect(out[0].formulas[0][0]).toBe("D4+E4");
    expect(out[1].values).toEqual([[null], [{ error: "#DIV/0!" }]]);
  });

  it("reads whole sheets in one sync", async () => {
    const excel = typicalWorkbook(3, 10);
    const sheets = await new OfficeHost(excel.runner, { capabilities: caps() }).readSheets(["Sheet2", "gone"]);
    expect(excel.syncCount).toBe(1);
    expect(sheets.map((s) => s.name)).toEqual(["Sheet2"]);
    expect(sheets[0].values[12][2]).toBe(39);
  });

  it("a host that rejects navigation from null objects: falls back to listing sheets first", async () => {
    const excel = typicalWorkbook(3, 10, { strictNullNavigation: true });
    const host = new OfficeHost(excel.runner, { capabilities: caps() });
    const wb = await host.readWorkbook();
    expect(excel.syncs.map((x) => x.error)).toEqual(["InvalidObjectPath", undefined, undefined]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Sheet2", "Sheet3"]);
    expect(wb.sheets[2].values[12][2]).toBe(39);
    const before = excel.syncCount;
    await host.readWorkbook();
    expect(excel.syncCount - before).toBe(2); // list + read, no failed attempt
    const out = await host.readRanges([
      { sheet: "Sheet1", range: { top: 3, left: 2, bottom: 3, right: 2 } },
      { sheet: "deleted meanwhile", range: { top: 0, left: 0, bottom: 0, right: 0 } },
    ]);
    expect(out.map((r) => [r.sheet, r.values])).toEqual([["Sheet1", [[30]]]]);
  });
});
