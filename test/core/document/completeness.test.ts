/** document.missing-table / document.duplicate-table on fixture-derived workbooks and hand-made table lists. */
import { documentStyle, expectedKinds } from "../../../src/core/document";
import { completenessFindings } from "../../../src/core/document/completeness";
import type { RecognisedTable, TableKind } from "../../../src/core/recognise/types";
import { loadFixture } from "../../helpers/fixtures";
import { deleteSheet, duplicateSheet, setAmount } from "../../helpers/variants";
import { HEBEI, HENAN, SHIJIAZHUANG, brief, docFindings, expectWellFormed } from "./helpers";

function table(kind: TableKind, title: string, sheet = title): RecognisedTable {
  return {
    id: `${sheet}#0`,
    sheet,
    kind,
    title,
    range: { top: 0, left: 0, bottom: 5, right: 4 },
    headerRows: [2],
    bodyRange: { top: 3, bottom: 5 },
    repeatedHeaderRows: [],
    columns: [],
    rows: [],
    empty: false,
    titleCell: { row: 0, col: 0 },
  };
}

describe("document style", () => {
  it("is read from titles: 单位预算 → unit, 部门… → department, neither → unknown", () => {
    expect(documentStyle([table("summary", "单位预算收支总表"), table("revenue", "单位预算收入总表")])).toBe("unit");
    expect(documentStyle([table("summary", "2022年部门收支预算表"), table("fiscal-summary", "2022年财政拨款收支预算表")])).toBe("department");
    expect(documentStyle([table("summary", "收支预算总表"), table("revenue", "收入预算总表")])).toBe("unknown");
  });

  it("expects 9 core tables for unit and unknown styles, 11 for department style", () => {
    expect(expectedKinds("unit")).toHaveLength(9);
    expect(expectedKinds("unknown")).toEqual(expectedKinds("unit"));
    expect(expectedKinds("department")).toEqual([...expectedKinds("unit"), "economic-summary", "project-expenditure"]);
  });
});

describe("document.missing-table", () => {
  it("a deleted 政府性基金 sheet in a unit set is a warning at the first table's title", async () => {
    const found = docFindings(deleteSheet(await loadFixture(HEBEI), "政府性基金支出表"));
    expect(found.map(brief)).toEqual([{ rule: "document.missing-table", severity: "warning", cell: "收支总表!A1", expected: "政府性基金预算支出表" }]);
    expect(found[0].message).toContain("单位预算公开表");
    expectWellFormed(found);
  });

  it("each missing table is its own finding", async () => {
    let wb = await loadFixture(SHIJIAZHUANG);
    for (const s of ["三公经费支出表", "基本支出表", "收入总表"]) wb = deleteSheet(wb, s);
    expect(docFindings(wb).filter((f) => f.rule === "document.missing-table").map((f) => f.expected).sort()).toEqual(
      ["“三公”经费支出表", "一般公共预算基本支出表", "收入总表"].sort(),
    );
  });

  it("department set: a missing 项目支出表 is info (provinces differ), a missing core table a warning", async () => {
    const wb = deleteSheet(deleteSheet(await loadFixture(HENAN), "项目支出表"), "三公经费支出表");
    const found = docFindings(wb).filter((f) => f.rule === "document.missing-table");
    expect(found.map(brief)).toEqual([
      { rule: "document.missing-table", severity: "warning", cell: "收支总表!A1", expected: "“三公”经费支出表" },
      { rule: "document.missing-table", severity: "info", cell: "收支总表!A1", expected: "项目支出表" },
    ]);
  });

  it("a unit set does not ask for the department-only tables", async () => {
    expect(docFindings(await loadFixture(HEBEI)).filter((f) => f.rule === "document.missing-table")).toEqual([]);
  });

  it("a workbook with fewer than 3 standard tables is not nagged", async () => {
    const wb = await loadFixture(HEBEI);
    wb.sheets = wb.sheets.filter((s) => s.name === "收支总表" || s.name === "支出总表");
    expect(docFindings(wb)).toEqual([]);
    const three = await loadFixture(HEBEI);
    three.sheets = three.sheets.filter((s) => ["收支总表", "支出总表", "收入总表"].includes(s.name));
    expect(docFindings(three).filter((f) => f.rule === "document.missing-table")).toHaveLength(6);
  });

  it("is anchored at the 收支总表 title wherever that sheet is", async () => {
    const wb = deleteSheet(await loadFixture(HEBEI), "三公经费支出表");
    wb.sheets.push(wb.sheets.shift()!);
    expect(docFindings(wb).map(brief)).toEqual([{ rule: "document.missing-table", severity: "warning", cell: "收支总表!A1", expected: "“三公”经费支出表" }]);
  });

  it("a sheet renamed or moved does not matter: recognition is by title and header", async () => {
    const wb = await loadFixture(HEBEI);
    const s = wb.sheets.find((x) => x.name === "三公经费支出表")!;
    s.name = "Sheet9";
    wb.sheets.unshift(...wb.sheets.splice(wb.sheets.indexOf(s), 1));
    expect(docFindings(wb).filter((f) => f.rule.startsWith("document.missing") || f.rule.startsWith("document.duplicate"))).toEqual([]);
  });

  it("hand-made lists: only 'other' tables and one standard table raise nothing", () => {
    expect(completenessFindings([table("other", "项目支出绩效目标表"), table("other", "政府采购预算表"), table("summary", "单位预算收支总表")])).toEqual([]);
  });
});

describe("document.duplicate-table", () => {
  it("a copied sheet is reported at the copy's title, naming the original", async () => {
    const found = docFindings(duplicateSheet(await loadFixture(HEBEI), "三公经费支出表", "三公经费支出表 (2)"));
    expect(found.map(brief)).toEqual([{ rule: "document.duplicate-table", severity: "warning", cell: "三公经费支出表 (2)!A1", expected: "1", actual: "2" }]);
    expect(found[0].cells[1]).toEqual({ sheet: "三公经费支出表", row: 0, col: 0 });
    expectWellFormed(found);
  });

  it("is reported even in a small workbook, once per extra copy", async () => {
    let wb = await loadFixture(HENAN);
    wb.sheets = wb.sheets.filter((s) => s.name === "基本支出表");
    wb = duplicateSheet(wb, "基本支出表", "基本支出表2");
    wb = duplicateSheet(wb, "基本支出表", "基本支出表3");
    expect(docFindings(wb).map((f) => `${f.rule} ${f.cells[0].sheet} ${f.actual}`)).toEqual([
      "document.duplicate-table 基本支出表2 3",
      "document.duplicate-table 基本支出表3 3",
    ]);
  });

  it("a copy retitled as another kind duplicates that kind instead", async () => {
    let wb = duplicateSheet(await loadFixture(HEBEI), "政府性基金支出表", "X");
    wb = setAmount(wb, "X", "A1", "单位预算国有资本经营预算财政拨款支出表");
    expect(docFindings(wb).map((f) => f.rule)).toEqual(["document.duplicate-table"]);
    expect(docFindings(wb)[0].cells.map((c) => c.sheet)).toEqual(["X", "国有资本经营支出表"]);
  });
});
