/** document.empty-statement: empty tables must say so; a table saying so must be empty. */
import { documentFindings } from "../../../src/core/document";
import { gridReader, type CellKey } from "../../../src/core/amounts";
import { recogniseAll } from "../../../src/core/engine";
import type { Amount } from "../../../src/core/money";
import { Decimal } from "../../../src/core/money";
import { loadFixture } from "../../helpers/fixtures";
import { setAmount, valueAt } from "../../helpers/variants";
import { HEBEI, HENAN, brief, docFindings, expectWellFormed } from "./helpers";

describe("document.empty-statement", () => {
  it("an empty 政府性基金 table whose statement was removed is a warning at its title", async () => {
    let wb = await loadFixture(HEBEI);
    expect(String(valueAt(wb, "政府性基金支出表", "A6"))).toContain("空表列示");
    wb = setAmount(wb, "政府性基金支出表", "A6", null);
    const found = docFindings(wb);
    expect(found.map(brief)).toEqual([{ rule: "document.empty-statement", severity: "warning", cell: "政府性基金支出表!A1", expected: "空表列示" }]);
    expectWellFormed(found);
  });

  it("the Henan 备注 statement (…故此表无数据) counts; removing it is reported", async () => {
    let wb = await loadFixture(HENAN);
    expect(docFindings(wb).filter((f) => f.rule === "document.empty-statement")).toEqual([]);
    wb = setAmount(wb, "国有资本经营支出表", "A7", null);
    expect(docFindings(wb).map(brief)).toContainEqual({ rule: "document.empty-statement", severity: "warning", cell: "国有资本经营支出表!A1", expected: "空表列示" });
  });

  it("a table with the statement but an amount is reported at the amount, naming the statement", async () => {
    const wb = setAmount(await loadFixture(HENAN), "国有资本经营支出表", "F6", 12.5);
    const found = docFindings(wb).filter((f) => f.rule === "document.empty-statement");
    expect(found.map(brief)).toEqual([{ rule: "document.empty-statement", severity: "warning", cell: "国有资本经营支出表!F6", expected: "0.00", actual: "12.50" }]);
    expect(found[0].cells[1]).toEqual({ sheet: "国有资本经营支出表", row: 6, col: 0 });
  });

  it("any table with the statement is held to it, not only those that may be empty", async () => {
    const wb = setAmount(await loadFixture(HEBEI), "支出总表", "A25", "注：本单位无此项支出，空表列示。");
    const found = docFindings(wb).filter((f) => f.rule === "document.empty-statement");
    expect(found.map(brief)).toEqual([{ rule: "document.empty-statement", severity: "warning", cell: "支出总表!D6", expected: "0.00", actual: "2197.83" }]);
    expect(found[0].cells[1]).toEqual({ sheet: "支出总表", row: 24, col: 0 });
  });

  it("zeros are no data: a statement over 0.00 amounts is fine, and a zero table without statement is not", async () => {
    let wb = setAmount(await loadFixture(HENAN), "国有资本经营支出表", "F6", 0);
    expect(docFindings(wb).filter((f) => f.rule === "document.empty-statement")).toEqual([]);
    wb = setAmount(wb, "国有资本经营支出表", "A7", null);
    expect(docFindings(wb).filter((f) => f.rule === "document.empty-statement")).toHaveLength(1);
  });

  it("reads amounts through the given reader (a live edit does not re-recognise the table)", async () => {
    const wb = await loadFixture(HENAN);
    const tables = recogniseAll(wb);
    const grid = gridReader(wb);
    const read = (c: CellKey): Amount =>
      c.sheet === "国有资本经营支出表" && c.row === 5 && c.col === 5 ? { kind: "number", value: new Decimal(3), fromText: false } : grid(c);
    expect(documentFindings(tables, wb, read).filter((f) => f.rule === "document.empty-statement").map(brief)).toEqual([
      { rule: "document.empty-statement", severity: "warning", cell: "国有资本经营支出表!F6", expected: "0.00", actual: "3.00" },
    ]);
  });

  it("a non-empty 三公 table needs no statement; tables that are never empty are not asked for one", async () => {
    let wb = await loadFixture(HEBEI);
    for (let r = 5; r < 16; r++) for (let c = 2; c < 6; c++) wb = setAmount(wb, "三公经费支出表", `${"ABCDEF"[c]}${r + 1}`, null);
    for (let r = 5; r < 24; r++) for (let c = 3; c < 9; c++) wb = setAmount(wb, "支出总表", `${"ABCDEFGHI"[c]}${r + 1}`, null);
    const found = docFindings(wb).filter((f) => f.rule === "document.empty-statement");
    expect(found.map((f) => f.cells[0].sheet)).toEqual(["三公经费支出表"]);
  });
});
