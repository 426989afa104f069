import { rangeToA1 } from "../../../src/core/address";
import { checkWorkbook, recogniseAll } from "../../../src/core/engine";
import { cellText, type GridSheet } from "../../../src/core/grid";
import { normaliseLabel } from "../../../src/core/text";
import {
  buildTemplate,
  columnWidthInPoints,
  placeTemplate,
  templateKinds,
  templateSheetName,
  type TemplateKind,
  type TemplateStyle,
} from "../../../src/core/templates";
import { loadFixture } from "../../helpers/fixtures";
import { recalculate } from "./excel-eval";
import { OPTIONS, problems, workbookOf } from "./helpers";

const KINDS = templateKinds().map((k) => k.kind);
const STYLES: TemplateStyle[] = ["unit", "department"];

describe("templateKinds", () => {
  it("offers every checked table kind of spec §1 once, with Chinese and English names", () => {
    expect(KINDS).toEqual([
      "summary",
      "revenue",
      "expenditure",
      "fiscal-summary",
      "general-expenditure",
      "basic-expenditure",
      "fund-expenditure",
      "state-capital-expenditure",
      "three-public",
      "economic-summary",
      "project-expenditure",
    ]);
    for (const k of templateKinds()) {
      expect(k.titleZh).toMatch(/表$/);
      expect(k.titleEn).not.toBe("");
    }
  });
});

describe.each(STYLES)("each template alone (%s style)", (style) => {
  it.each(KINDS)("%s is recognised as its kind, reads its year/unit/unit name, and checks clean", (kind) => {
    for (const measure of ["万元", "元"] as const) {
      const wb = workbookOf(kind, { ...OPTIONS, style, measure });
      const tables = recogniseAll(wb);
      expect(tables.map((t) => t.kind)).toEqual([kind]);
      expect(tables[0].year).toBe(2026);
      expect(tables[0].unit).toBe(measure);
      expect(tables[0].unitName).toBe(OPTIONS.unitName);
      expect(problems(checkWorkbook(wb).findings)).toEqual([]);
      expect(checkWorkbook(wb).findings).toEqual([]);
    }
  });

  it.each(KINDS)("%s: cached values are what Excel computes for the empty table (0 for totals, blank rows blank)", (kind) => {
    const wb = workbookOf(kind, { ...OPTIONS, style });
    const before = JSON.stringify(wb.sheets[0].values);
    expect(JSON.stringify(recalculate(wb).sheets[0].values)).toBe(before);
  });

  it.each(KINDS)("%s: amounts are #,##0.00, codes text, every formula reads amount cells of its own block", (kind) => {
    const block = buildTemplate(kind, { ...OPTIONS, style });
    const fmt = (r: number, c: number) => block.numberFormats[r]?.[c];
    let formulas = 0;
    block.formulaSpecs.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (!spec) return;
        formulas++;
        expect(fmt(r, c)).toBe("#,##0.00");
        const ranges = spec.op === "sum" || spec.op === "sum-if-any" ? spec.ranges : [spec.amounts];
        for (const range of ranges) {
          expect(range.bottom).toBeLessThan(block.rowCount);
          expect(range.right).toBeLessThan(block.colCount);
          for (let rr = range.top; rr <= range.bottom; rr++)
            for (let cc = range.left; cc <= range.right; cc++) expect(fmt(rr, cc)).toBe("#,##0.00");
        }
        if (spec.op === "sum-by-code-length" || spec.op === "sum-if-coded") {
          for (let rr = spec.codes.top; rr <= spec.codes.bottom; rr++) expect(fmt(rr, spec.codes.left)).toBe("@");
        }
      }),
    );
    expect(formulas).toBeGreaterThan(0);
    expect(block.columnWidths).toHaveLength(block.colCount);
    expect(block.values).toHaveLength(block.rowCount);
  });
});

describe("titles and unit line", () => {
  it("titles carry the year and the style's wording", () => {
    expect(buildTemplate("summary", OPTIONS).title).toBe("2026年单位预算收支总表");
    expect(buildTemplate("three-public", OPTIONS).title).toBe("2026年单位预算财政拨款“三公”经费支出表");
    expect(buildTemplate("summary", { ...OPTIONS, style: "department" }).title).toBe("2026年部门收支预算表");
    expect(buildTemplate("project-expenditure", { ...OPTIONS, style: "department" }).title).toBe("2026年项目支出预算表");
  });

  it("title merged across the table; unit line: unit (with code), 预算年度 in the middle, 单位 at the right", () => {
    const b = buildTemplate("general-expenditure", OPTIONS);
    expect(b.values[0][0]).toBe("2026年单位预算一般公共预算财政拨款支出表");
    expect(b.merges.map(rangeToA1)).toEqual(expect.arrayContaining(["A1:F1", "A2:C2"]));
    expect(b.values[1]).toEqual(["323003秦皇岛市测试事业单位", null, null, "预算年度：2026", null, "单位：万元"]);
    const d = buildTemplate("general-expenditure", { ...OPTIONS, style: "department", measure: "元" });
    expect(d.values[1][0]).toBe("部门名称：秦皇岛市测试事业单位");
    expect(d.values[1][d.colCount - 1]).toBe("单位：元");
  });

  it("sheet names of a set are the fixtures'", () => {
    expect(["summary", "revenue", "three-public"].map((k) => templateSheetName(k as TemplateKind))).toEqual(["收支总表", "收入总表", "三公经费支出表"]);
  });
});

/** Header rows (from row 3 to the 栏次 row) as normalised text, and the merges that touch them. */
function headerOf(sheet: GridSheet, lastRow: number) {
  const rows: string[][] = [];
  for (let r = 2; r <= lastRow; r++) {
    const row: string[] = [];
    const width = Math.max(...sheet.values.slice(0, lastRow + 1).map((x) => x?.length ?? 0));
    for (let c = 0; c < width; c++) row.push(normaliseLabel(cellText(sheet, r, c)));
    rows.push(row);
  }
  const merges = sheet.merges
    .filter((m) => m.top >= 2 && m.top <= lastRow)
    .map(rangeToA1)
    .sort();
  return { rows, merges };
}

describe("published layout (Hebei fixture)", () => {
  // Tables whose Hebei header uses the spec's wording; the others differ only in column names the spec words
  // differently (经营支出 → 事业单位经营支出, 财政拨款 收入 → 财政拨款收入 …).
  it.each(["summary", "fiscal-summary", "general-expenditure", "basic-expenditure", "fund-expenditure", "state-capital-expenditure"] as TemplateKind[])(
    "%s: header rows, 栏次 row and header merges are the published ones",
    async (kind) => {
      const fixture = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
      const published = fixture.sheets.find((s) => s.name === templateSheetName(kind))!;
      const block = buildTemplate(kind, OPTIONS);
      const ours = workbookOf(kind).sheets[0];
      const last = block.regions.lanciRow!;
      expect(headerOf(ours, last)).toEqual(headerOf(published, last));
    },
  );

  it("收支总表 lists the expenditure 类 as published, then the total rows", async () => {
    const fixture = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
    const published = fixture.sheets.find((s) => s.name === "收支总表")!;
    const ours = workbookOf("summary").sheets[0];
    const column = (s: GridSheet, col: number, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => cellText(s, from + i, col));
    // Rows 6…35: the 30 类 of function-classes.ts (the fixture adds a local 三十一、人行科目 row).
    expect(column(ours, 3, 5, 34)).toEqual(column(published, 3, 5, 34));
    expect(column(ours, 1, 5, 13)).toEqual(column(published, 1, 5, 13));
    expect(column(ours, 1, 35, 37)).toEqual(["本年收入合计", "上年结转结余", "收入总计"]);
    expect(column(ours, 3, 35, 37)).toEqual(["本年支出合计", "年终结转结余", "支出总计"]);
  });

  it("三公 rows: 合计, 小计, the three items with 公务用车 split, 会议费, 培训费", () => {
    const b = buildTemplate("three-public", OPTIONS);
    const labels = b.values.slice(b.regions.bodyRows.first, b.regions.bodyRows.last + 1).map((r) => normaliseLabel(String(r[1])));
    expect(labels).toEqual([
      "合计",
      '"三公"经费小计',
      "一、因公出国(境)费",
      "二、公务用车购置及运行维护费",
      "其中:公务用车购置费",
      "公务用车运行维护费",
      "三、公务接待费",
      "四、会议费",
      "五、培训费",
    ]);
  });
});

describe("formulas reference the intended cells (block at A1)", () => {
  const at = (kind: TemplateKind, a1: string, style: TemplateStyle = "unit") => {
    const b = buildTemplate(kind, { ...OPTIONS, style });
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = m[1].charCodeAt(0) - 65;
    return b.formulas[Number(m[2]) - 1][col];
  };

  it("收支总表: 本年合计 = Σ items, 总计 = 本年合计 + 结转", () => {
    expect(at("summary", "C36")).toBe("SUM(C6:C14)");
    expect(at("summary", "E36")).toBe("SUM(E6:E35)");
    expect(at("summary", "C38")).toBe("SUM(C36:C37)");
    expect(at("summary", "E38")).toBe("SUM(E36:E37)");
    expect(at("summary", "C6")).toBeNull();
  });

  it("财政拨款收支总表: 合计 column = Σ funds; 年初结转 = Σ its split; 总计 per column", () => {
    expect(at("fiscal-summary", "E6")).toBe('IF(COUNT(F6:H6),SUM(F6:H6),"")');
    expect(at("fiscal-summary", "C36")).toBe("SUM(C6:C8)");
    expect(at("fiscal-summary", "F36")).toBe("SUM(F6:F35)");
    expect(at("fiscal-summary", "C37")).toBe("SUM(C38:C40)");
    expect(at("fiscal-summary", "E37")).toBe('IF(COUNT(F37:H37),SUM(F37:H37),"")');
    expect(at("fiscal-summary", "C41")).toBe("SUM(C36:C37)");
    expect(at("fiscal-summary", "H41")).toBe("SUM(H36:H37)");
  });

  it("收入总表: 合计 = 本年收入小计 + 上年结转, 小计 = Σ sources; the 合计 row sums the 项 rows", () => {
    expect(at("revenue", "D7")).toBe('IF(COUNT(E7,M7),SUM(E7,M7),"")');
    expect(at("revenue", "E7")).toBe('IF(COUNT(F7:L7),SUM(F7:L7),"")');
    expect(at("revenue", "D6")).toBe('SUMPRODUCT(--(LEN(B7:B14)=7),D7:D14)');
    expect(at("revenue", "M6")).toBe('SUMPRODUCT(--(LEN(B7:B14)=7),M7:M14)');
    expect(at("revenue", "F7")).toBeNull();
  });

  it("基本支出表: 合计 = 人员经费 + 公用经费; the 合计 row sums the 款 rows (5-digit codes)", () => {
    expect(at("basic-expenditure", "D7")).toBe('IF(COUNT(E7:F7),SUM(E7:F7),"")');
    expect(at("basic-expenditure", "E6")).toBe('SUMPRODUCT(--(LEN(B7:B14)=5),E7:E14)');
    // Department style: 部门 and 政府 economic codes side by side; the 合计 row reads the 部门 code column.
    expect(at("basic-expenditure", "F6", "department")).toBe('SUMPRODUCT(--(LEN(B7:B14)=5),F7:F14)');
  });

  it("codes split into 类/款/项: the 合计 row sums the rows whose 项 is filled", () => {
    expect(at("expenditure", "F6", "department")).toBe('SUMIF(D7:D14,"<>",F7:F14)');
    expect(at("expenditure", "F7", "department")).toBe('IF(COUNT(G7:K7),SUM(G7:K7),"")');
    expect(at("economic-summary", "E6", "department")).toBe('SUMIF(C7:C14,"<>",E7:E14)');
  });

  it("三公: 合计 = 小计 + 会议费 + 培训费; 小计 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行维护", () => {
    expect(at("three-public", "D6")).toBe("SUM(D7,D13:D14)");
    expect(at("three-public", "C6")).toBe("SUM(D6:F6)");
    expect(at("three-public", "D7")).toBe("SUM(D8:D9,D12)");
    expect(at("three-public", "F9")).toBe("SUM(F10:F11)");
    expect(at("three-public", "C12")).toBe('IF(COUNT(D12:F12),SUM(D12:F12),"")');
  });

  it("项目支出表: 合计 row = plain SUM of the project rows; 合计 column = Σ every source", () => {
    expect(at("project-expenditure", "E6", "department")).toBe("SUM(E7:E14)");
    expect(at("project-expenditure", "E7", "department")).toBe('IF(COUNT(F7:M7),SUM(F7:M7),"")');
  });

  it("the number of empty code rows is an option", () => {
    const b = buildTemplate("revenue", { ...OPTIONS, dataRows: 20 });
    expect(b.regions.bodyRows).toEqual({ first: 5, last: 25 });
    expect(b.formulas[5][3]).toBe('SUMPRODUCT(--(LEN(B7:B26)=7),D7:D26)');
  });

  it("rejects an impossible year or row count", () => {
    expect(() => buildTemplate("summary", { ...OPTIONS, year: 26 })).toThrow(RangeError);
    expect(() => buildTemplate("revenue", { ...OPTIONS, dataRows: 0 })).toThrow(RangeError);
    expect(() => buildTemplate("revenue", { ...OPTIONS, dataRows: 2.5 })).toThrow(RangeError);
  });
});

describe("print and layout hints", () => {
  it("wide tables print landscape, narrow ones portrait, one page wide, header rows repeated", () => {
    const revenue = buildTemplate("revenue", OPTIONS);
    expect(revenue.print).toEqual({ orientation: "landscape", fitToPagesWide: 1, repeatRows: { first: 2, last: 4 } });
    expect(buildTemplate("general-expenditure", OPTIONS).print.orientation).toBe("portrait");
    const placed = placeTemplate(revenue, { row: 0, col: 0 }, "收入总表");
    expect(placed.print.area).toBe("A1:M14");
    expect(placed.print.titleRows).toBe("$3:$5");
  });

  it("regions name the title, unit line, header, 栏次 and total rows; the title row is taller", () => {
    const b = buildTemplate("fiscal-summary", OPTIONS);
    expect(b.regions).toEqual({
      titleRow: 0,
      unitRow: 1,
      headerRows: { first: 2, last: 3 },
      lanciRow: 4,
      bodyRows: { first: 5, last: 40 },
      totalRows: [35, 36, 40],
    });
    expect(b.rowHeights[0]).toBe(30);
    expect(b.columnWidths).toEqual([6, 30, 14, 30, 14, 14, 14, 14]);
  });

  it("column widths convert to Office.js points", () => {
    expect(columnWidthInPoints(8.43)).toBeCloseTo(48, 0);
    expect(columnWidthInPoints(14)).toBe(77.25);
  });
});
