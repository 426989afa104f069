/** The published 预算 workbooks: only the inconsistencies listed in test/fixtures/README.md are reported. */
import { checkWorkbook } from "../../src/core/engine";
import { at, nonInfo } from "./build";
import { loadFixture } from "../helpers/fixtures";
import { a1 } from "../../src/core/finding";

const KNOWN: Record<string, Array<{ cell: string; expected: string; actual: string; reads: string[] }>> = {
  "hebei-qinhuangdao-social-insurance-2023": [],
  "henan-yibin-social-security-2022": [
    { cell: "基本支出表!E9", expected: "5.98", actual: "6.17", reads: ["一般公共预算支出表!G16"] },
    { cell: "基本支出表!E10", expected: "0.00", actual: "3.91", reads: [] },
  ],
  "shijiazhuang-social-insurance-2023": [
    { cell: "基本支出表!D12", expected: "150.62", actual: "84.50", reads: ["一般公共预算支出表!E20"] },
    { cell: "基本支出表!D13", expected: "0.00", actual: "66.12", reads: [] },
  ],
  // 元 tables and a 三公 table in 万元: every identity holds once converted (test/fixtures/README.md).
  "shanghai-putuo-commerce-unit-2025": [],
};

describe.each(Object.keys(KNOWN))("%s", (name) => {
  it("reports exactly the known inconsistencies, at the right cells, as warnings", async () => {
    const result = checkWorkbook(await loadFixture(name));
    const found = nonInfo(result.findings);
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
    expect(
      found.map((f) => ({ cell: at(f), expected: f.expected, actual: f.actual, reads: f.cells.slice(1).map((c) => `${c.sheet}!${a1(c)}`) })),
    ).toEqual(KNOWN[name]);
    for (const f of found) {
      expect(f.rule).toBe("cross.basic-function");
      expect(f.severity).toBe("warning");
      expect(f.message).toContain(a1(f.cells[0]));
      expect(f.messageEn).toContain(a1(f.cells[0]));
    }
  });

  it("lists every recognised table in the result", async () => {
    const result = checkWorkbook(await loadFixture(name));
    expect(result.tables.length).toBeGreaterThanOrEqual(9);
    // Each names the recognised table ("sheet#n") the findings in it carry as `table`.
    for (const { year, unitName, ...t } of result.tables) {
      expect(t.id).toMatch(/#\d+$/);
      expect(t).toEqual({ id: `${t.sheet}#${t.id?.split("#").pop()}`, sheet: expect.any(String), kind: expect.any(String), range: expect.stringMatching(/^A1:[A-Z]+\d+$/), title: expect.any(String) });
      // Year and unit name where the table states them (the pane's defaults).
      if (year !== undefined) expect(year).toBeGreaterThan(2000);
      if (unitName !== undefined) expect(unitName).not.toBe("");
    }
  });
});
