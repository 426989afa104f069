/** workbooks.department-sum on extracts of real recognised tables: every table kind is compared, not only one. */
import { cellAt } from "../../../src/core/finding";
import { recogniseAll } from "../../../src/core/engine";
import type { GridWorkbook } from "../../../src/core/grid";
import { extractWorkbook, workbookFindings, type WorkbookEntry } from "../../../src/core/workbooks";
import { asDepartment, asUnit, inYuan, scaledAmounts } from "../../helpers/bureau";
import { loadFixture } from "../../helpers/fixtures";
import { setAmount } from "../../helpers/variants";
import { toA1 } from "../../../src/core/address";

const DEPT = "某某局";

function entry(file: string, wb: GridWorkbook): WorkbookEntry {
  return { file, workbook: extractWorkbook(wb, recogniseAll(wb)) };
}

let unit: GridWorkbook;
beforeAll(async () => {
  unit = await loadFixture("hebei-qinhuangdao-social-insurance-2023");
});

function family(b: GridWorkbook = scaledAmounts(unit, 2)): WorkbookEntry[] {
  return [
    entry("dept.xlsx", asDepartment(scaledAmounts(unit, 6), DEPT)),
    entry("a.xlsx", asUnit(unit, "甲", DEPT)),
    entry("b.xlsx", asUnit(b, "乙", DEPT)),
    entry("c.xlsx", asUnit(inYuan(scaledAmounts(unit, 3)), "丙", DEPT)),
  ];
}

describe("workbooks.department-sum", () => {
  it("is silent when the units add up (amounts in 万元 and in 元)", () => {
    expect(workbookFindings(family())).toEqual([]);
  });

  it("adds only units of the same set and year: a unit's 决算, or its 预算 of another year, is not summed in", () => {
    const final = entry("a-决算.xlsx", asUnit(unit, "甲", DEPT));
    final.workbook.set = "决算";
    const lastYear = entry("a-2022.xlsx", asUnit(unit, "甲", DEPT));
    lastYear.workbook.year = 2022;
    expect(workbookFindings([...family(), final, lastYear])).toEqual([]);
  });

  it("catches a changed amount in every kind of table, two-sided and 三公 included", () => {
    const b = entry("b.xlsx", asUnit(scaledAmounts(unit, 2), "乙", DEPT));
    const kinds: string[] = [];
    for (const t of b.workbook.tables) {
      const cell = t.cells.find((c) => c[4] !== null && c[4] !== "0");
      if (!cell) continue; // an empty table (政府性基金, 国有资本经营)
      const address = toA1(cell[2], cell[3]);
      const changed = setAmount(asUnit(scaledAmounts(unit, 2), "乙", DEPT), t.sheet, address, Number(cell[4]) + 5);
      const found = workbookFindings(family(changed)).filter((f) => f.rule === "workbooks.department-sum" && f.severity === "error");
      expect(found.length).toBeGreaterThan(0);
      expect(found.flatMap((f) => f.cells)).toContainEqual(cellAt(t.sheet, address, "b.xlsx"));
      kinds.push(t.kind);
    }
    expect(kinds).toEqual(["summary", "revenue", "expenditure", "fiscal-summary", "general-expenditure", "basic-expenditure", "three-public"]);
  });

  it("names the department's cell first and reads every unit's cell", () => {
    const changed = setAmount(asUnit(scaledAmounts(unit, 2), "乙", DEPT), "支出总表", "D6", 4500);
    const [f] = workbookFindings(family(changed)).filter((x) => x.rule === "workbooks.department-sum");
    expect(f.cells[0]).toEqual({ file: "dept.xlsx", sheet: "支出总表", row: 5, col: 3 });
    expect(f.cells.slice(1).map((c) => c.file)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(f.message).toContain("合计行");
    expect(f.messageEn).toContain("sum of the 3 unit workbooks");
  });

  it("a difference within rounding of the summed terms is a warning, not an error", () => {
    const changed = setAmount(asUnit(scaledAmounts(unit, 2), "乙", DEPT), "支出总表", "E9", 2915.75);
    const found = workbookFindings(family(changed)).filter((x) => x.rule === "workbooks.department-sum");
    expect(found.map((f) => f.severity)).toEqual(["warning"]);
  });

  it("matches units listed in the department's unit rows; a listed unit not given is one info", () => {
    const dept = entry("dept.xlsx", asDepartment(scaledAmounts(unit, 3), DEPT));
    dept.workbook.listedUnits = ["甲", "乙", "丁"];
    const a = entry("a.xlsx", asUnit(unit, "甲"));
    const b = entry("b.xlsx", asUnit(scaledAmounts(unit, 2), "乙"));
    const found = workbookFindings([dept, a, b]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: "workbooks.department-incomplete", severity: "info" });
    expect(found[0].message).toContain("丁");
    expect(found[0].cells[0].file).toBe("dept.xlsx");
    dept.workbook.listedUnits = ["甲", "乙"];
    expect(workbookFindings([dept, a, b])).toEqual([]);
  });

  it("a published 部门 workbook whose only unit row is itself (Henan, 027 ⊃ 027001) lists no units to wait for", async () => {
    const henan = entry("henan.xlsx", await loadFixture("henan-yibin-social-security-2022"));
    expect(henan.workbook.scope).toBe("部门");
    expect(henan.workbook.listedUnits).toEqual([]);
    // Another unit's workbook in the same batch names no department of it: nothing is compared or claimed.
    expect(workbookFindings([henan, entry("a.xlsx", unit)])).toEqual([]);
  });

  it("the profile applies: --disable workbooks hides them", () => {
    const changed = setAmount(asUnit(scaledAmounts(unit, 2), "乙", DEPT), "支出总表", "D6", 4500);
    expect(workbookFindings(family(changed), { profile: { name: "default", disabled: ["workbooks"] } })).toEqual([]);
  });
});
