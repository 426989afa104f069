/** Small pieces of the bench whose mistakes would silently skew the results. */
import { checkFormula, refs } from "../../bench/measure-hyperformula";
import { median, summarise } from "../../bench/timing";
import { README_END, README_START, withTable } from "../../bench/report";
import type { Identity } from "../../src/core/rules/identity";

const cell = (row: number, col = 2, sheet = "支出总表") => ({ sheet, row, col });

describe("HyperFormula check formulas", () => {
  it("merges consecutive rows of a column into one range and keeps the rest as single cells", () => {
    expect(refs([cell(5), cell(6), cell(7), cell(9), cell(4, 3)])).toBe("'支出总表'!C6:C8,'支出总表'!C10,'支出总表'!D5");
  });

  it("writes one SUM-and-compare per identity; an absent side is 0; ≤ identities compare one way", () => {
    const id = (left: ReturnType<typeof cell>[], right: ReturnType<typeof cell>[], comparator?: "le") =>
      ({ rule: "hierarchy.sum", tables: [], strength: "error", left, right, comparator, zh: "", en: "" }) as Identity;
    expect(checkFormula(id([cell(5)], [cell(6), cell(7)]))).toBe("=ABS(SUM('支出总表'!C6)-SUM('支出总表'!C7:C8))<0.005");
    expect(checkFormula(id([], [cell(6)]))).toBe("=ABS(0-SUM('支出总表'!C7))<0.005");
    expect(checkFormula(id([cell(5)], [cell(6)], "le"))).toBe("=SUM('支出总表'!C6)-SUM('支出总表'!C7)<0.005");
  });
});

describe("timing", () => {
  it("takes the median of odd and even sample counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(summarise([5, 1, 9])).toEqual({ median: 5, min: 1, max: 9, runs: 3 });
  });
});

describe("README table", () => {
  it("replaces only the text between the bench markers, and leaves a README without them alone", () => {
    const readme = `# T\n\nbefore\n${README_START}\nold table\n${README_END}\nafter\n`;
    const out = withTable(readme, "| a |\n|---|", "2026-11-23");
    expect(out).toBe(`# T\n\nbefore\n${README_START}\n\nLast run: 2026-11-23 (details and profiles: \`bench/results.md\`).\n\n| a |\n|---|\n\n${README_END}\nafter\n`);
    expect(withTable(out, "| b |\n|---|", "2026-11-24")).toContain("| b |\n|---|\n\n" + README_END);
    expect(withTable(out, "| b |\n|---|", "2026-11-24")).not.toContain("| a |");
    expect(withTable("# no markers\n", "| a |", "2026-11-23")).toBe("# no markers\n");
  });
});
