import { parseRange } from "../../src/core/address";
import {
  FULL_CAPABILITIES,
  MINIMUM_REQUIREMENT_SET,
  detectCapabilities,
  meetsMinimum,
} from "../../src/excel/capabilities";
import { coalesce, mergeAreas } from "../../src/live/change-queue";
import { splitCode } from "../../src/core/codes/classify";
import { codeRowsToValues, uniqueSheetName } from "../../src/host/insert-values";
import { AREAS_PER_GROUP, MARK_PREFIX, NOTE_MAX_CHARS, diffPlans, planMarks } from "../../src/core/report/mark-plan";
import { parseEventRange } from "../../src/excel/office-events";
import { parseAreas } from "../../src/excel/office-read";
import { learnedBytesPerCell, loadedBytes, planBatches, toCellValue, toFormula } from "../../src/excel/read-plan";
import { finding } from "./fixtures";

const upTo = (max: string) => (_: string, v: string) => Number(v.split(".")[1]) <= Number(max.split(".")[1]);

describe("capabilities", () => {
  it("declares ExcelApi 1.7 as the minimum", () => {
    expect(MINIMUM_REQUIREMENT_SET).toEqual({ name: "ExcelApi", version: "1.7" });
    expect(meetsMinimum(upTo("1.6"))).toBe(false);
    expect(meetsMinimum(upTo("1.7"))).toBe(true);
  });
  it.each([
    ["1.7", { annotations: "pane", changeEvents: "worksheet", eventToggle: false, rangeAreas: false }],
    ["1.9", { annotations: "pane", changeEvents: "workbook", eventToggle: true, rangeAreas: true }],
    ["1.10", { annotations: "comments", triggerSource: false }],
    ["1.14", { annotations: "comments", triggerSource: true, mergedAreas: true, renameEvents: false }],
    ["1.18", { annotations: "notes", renameEvents: true }],
  ])("degrades with ExcelApi %s", (max, expected) => {
    expect(detectCapabilities(upTo(max))).toMatchObject(expected);
  });
  it("everything is available in FULL_CAPABILITIES", () => {
    expect(FULL_CAPABILITIES).toMatchObject({
      annotations: "notes",
      changeEvents: "workbook",
      conditionalFormats: true,
    });
  });
});

describe("mark planning", () => {
  it("one mark per cell with the worst severity; info is pane-only", () => {
    const plan = planMarks(
      [
        finding("S", "C4", "warning"),
        finding("S", "C4", "error"),
        finding("S", "C5", "info"),
        finding("S", "C6", "warning"),
      ],
      true,
    );
    expect([...plan.cells.values()].map((m) => [m.address, m.severity])).toEqual([
      ["C4", "error"],
      ["C6", "warning"],
    ]);
    expect(plan.cells.get("S!C4")?.note.split("\n")).toHaveLength(2);
  });
  it("groups vertical runs per column and severity, at most AREAS_PER_GROUP areas per format", () => {
    const findings = Array.from({ length: 40 }, (_, i) => finding("S", `C${i * 2 + 1}`));
    findings.push(finding("S", "C2"));
    const plan = planMarks(findings, true);
    const groups = [...plan.groups.values()];
    expect(groups[0].address.startsWith("C1:C3,C5,C7")).toBe(true);
    expect(groups.every((g) => g.address.split(",").length <= AREAS_PER_GROUP)).toBe(true);
    expect(planMarks(findings, false).groups.size).toBe(39);
  });
  it("notes state expected vs actual and are cut to NOTE_MAX_CHARS", () => {
    const long = finding("S", "A1", "error", { message: "很长".repeat(200) });
    const note = planMarks([long], true).cells.get("S!A1")?.note ?? "";
    expect(note.startsWith(MARK_PREFIX)).toBe(true);
    expect(note.length).toBe(NOTE_MAX_CHARS);
    expect(planMarks([finding("S", "A1")], true).cells.get("S!A1")?.note).toContain("应为 ≥ 0，实为 -1");
  });
  it("diffs: a changed note is replaced, unchanged groups are kept", () => {
    const a = planMarks([finding("S", "A1"), finding("S", "B1")], true);
    const b = planMarks([finding("S", "A1", "error", { actual: "-2" }), finding("S", "B1")], true);
    const d = diffPlans(a, b);
    expect(d.addGroups).toEqual([]);
    expect(d.removeGroups).toEqual([]);
    expect(d.removeNotes.map((m) => m.address)).toEqual(["A1"]);
    expect(d.addNotes.map((m) => m.address)).toEqual(["A1"]);
  });
});

describe("change coalescing", () => {
  it("merges nearby edits into one block and keeps far ones apart", () => {
    expect(mergeAreas([parseRange("D5"), parseRange("D6"), parseRange("E5")])).toEqual([parseRange("D5:E6")]);
    expect(mergeAreas([parseRange("A1"), parseRange("Z5000")])).toHaveLength(2);
  });
  it("a sheet re-read subsumes its cell edits; renames carry pending edits along", () => {
    const c = coalesce([
      { kind: "cells", sheet: "A", range: parseRange("B2") },
      { kind: "sheet", sheet: "A" },
      { kind: "cells", sheet: "A", range: parseRange("B3") },
      { kind: "cells", sheet: "B", range: parseRange("C3") },
      { kind: "sheet-renamed", from: "B", to: "B2" },
      { kind: "cells", sheet: "D", range: parseRange("C3") },
      { kind: "sheet-deleted", sheet: "D" },
    ]);
    expect(c.sheets).toEqual(["A"]);
    expect(c.regions).toEqual([{ sheet: "B2", range: parseRange("C3") }]);
    expect(c.renamesAndDeletes.map((x) => x.kind)).toEqual(["sheet-renamed", "sheet-deleted"]);
  });
});

describe("reading helpers", () => {
  it("converts Office values: errors, empties, formulas", () => {
    expect(toCellValue("#REF!", "Error")).toEqual({ error: "#REF!" });
    expect(toCellValue("", "Empty")).toBeNull();
    expect(toCellValue(3.5, "Double")).toBe(3.5);
    expect(toFormula("=SUM(C5:C9)")).toBe("SUM(C5:C9)");
    expect(toFormula(12)).toBeNull();
  });
  it("parses RangeAreas addresses with quoted sheet names", () => {
    expect(parseAreas("'一般 公共'!A1:F1, '一般 公共'!A2:A3")).toEqual([parseRange("A1:F1"), parseRange("A2:A3")]);
    expect(parseAreas("Sheet1!B2")).toEqual([parseRange("B2")]);
  });
  it("event addresses: whole rows/columns mean 're-read the sheet'", () => {
    expect(parseEventRange("B3:D9")).toEqual(parseRange("B3:D9"));
    expect(parseEventRange("A:C")).toBeNull();
    expect(parseEventRange("3:5")).toBeNull();
  });
  it("plans batches that fill the payload target", () => {
    const batches = planBatches([{ sheet: "S", range: { top: 0, left: 0, bottom: 999, right: 9 } }], 48 * 10 * 300);
    expect(batches.map((b) => b.reduce((n, r) => n + r.range.bottom - r.range.top + 1, 0))).toEqual([
      300, 300, 300, 100,
    ]);
  });
  it("plans with a measured size per cell when given one, per sheet", () => {
    const batches = planBatches([{ sheet: "S", range: { top: 0, left: 0, bottom: 999, right: 9 } }], 48 * 10 * 300, 24);
    expect(batches.map((b) => b.reduce((n, r) => n + r.range.bottom - r.range.top + 1, 0))).toEqual([600, 400]);
    const mixed = planBatches(
      [
        { sheet: "dense", range: { top: 0, left: 0, bottom: 99, right: 9 } },
        { sheet: "light", range: { top: 0, left: 0, bottom: 999, right: 9 } },
      ],
      100 * 10 * 100,
      (sheet) => (sheet === "dense" ? 100 : 25),
    );
    expect(mixed.map((b) => b.map((r) => `${r.sheet}:${r.range.bottom - r.range.top + 1}`))).toEqual([["dense:100"], ["light:400"], ["light:400"], ["light:200"]]);
  });
  it("measures a loaded block as its UTF-8 JSON size, CJK text at 3 bytes a character", () => {
    const block = {
      values: [["一般公共服务支出", 1234.5, ""], [true, "𠀀x", 0]],
      valueTypes: [["String", "Double", "Empty"], ["Boolean", "String", "Double"]],
      formulas: [["一般公共服务支出", "=SUM(B3:B9)", ""], [true, "𠀀x", 0]],
      numberFormat: [["General", "#,##0.00", "General"], ["General", "@", "0.00"]],
    };
    const json = ["values", "valueTypes", "formulas", "numberFormat"].reduce(
      (n, k) => n + Buffer.byteLength(JSON.stringify(block[k as keyof typeof block]), "utf8"),
      0,
    );
    // Within a few bytes per cell of the JSON the host sends (separators counted slightly differently).
    expect(Math.abs(loadedBytes(block) - json)).toBeLessThanOrEqual(4 * 6);
    expect(learnedBytesPerCell(4800, 100)).toBe(51); // 48 × 1.05, rounded up
    expect(learnedBytesPerCell(1, 100)).toBe(16); // never below the floor
    expect(learnedBytesPerCell(0, 0)).toBe(48);
  });
});

describe("insert values", () => {
  it("splits codes into 类/款/项 and builds rows", () => {
    expect(splitCode("2080505")).toEqual(["208", "05", "05"]);
    expect(splitCode("208")).toEqual(["208", "", ""]);
    expect(codeRowsToValues([{ code: "20805", name: "养老" }], "code+name")).toEqual([["20805 养老"]]);
  });
  it("makes sheet names valid and unique", () => {
    expect(uniqueSheetName("收入/支出[总表]", [])).toBe("收入支出总表");
    expect(uniqueSheetName("表", ["表", "表(2)"])).toBe("表(3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(28)}(2)`);
  });
});
