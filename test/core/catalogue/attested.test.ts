/** Codes added from real disclosures ("attested"): known for the years seen, never called wrong outside them. */
import { buildClassification } from "../../../scripts/build-catalogue";
import { checkCodeRows, type CodeRow } from "../../../src/core/catalogue";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";

const S = "支出表";
const row = (code: string, name: string): CodeRow => ({
  sheet: S,
  codeCells: [{ sheet: S, row: 4, col: 0 }],
  code,
  name,
  classification: code.startsWith("3") ? "dept-economic" : "function",
});

describe("attested codes", () => {
  const catalogue = getCatalogueSync();

  test("款 20139 社会工作事务 and its 项, 21305 of the 2024 edition and 30311 are found for 2024", () => {
    expect(catalogue.lookup("20139", 2024)?.name).toBe("社会工作事务");
    expect(catalogue.children("20139", 2024).map((e) => e.code)).toEqual(["2013901", "2013950", "2013999"]);
    expect(catalogue.lookup("2130508", 2024)?.name).toBe("“三西”农业建设专项补助");
    expect(catalogue.lookup("21305", 2024)?.path.map((p) => p.code)).toEqual(["213", "21305"]);
    expect(catalogue.lookup("30311", 2025)?.name).toBe("代缴社会保险费");
    expect(catalogue.lookup("1010101", 2024)?.name).toBe("国内增值税");
    // The garbled printed name was not taken over.
    expect(catalogue.lookup("20799", 2024)?.name).toBe("其他文化旅游体育与传媒支出");
  });

  test("outside the years seen they are not covered (info), not unknown: the range is no evidence of a change", () => {
    expect(catalogue.lookup("20139", 2023)).toBeUndefined();
    expect(catalogue.yearsOf("20139")).toEqual([]);
    const findings = checkCodeRows([row("20139", "社会工作事务"), row("2011301", "行政运行"), row("30311", "代缴社会保险费")], catalogue, 2023);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["catalogue.not-covered", "info"],
      ["catalogue.not-covered", "info"],
    ]);
    expect(checkCodeRows([row("2011301", "行政运行")], catalogue, 2025)).toEqual([]);
    expect(checkCodeRows([row("2011301", "行政运行")], catalogue, 2026)[0].rule).toBe("catalogue.not-covered");
  });

  test("the build marks attested rows and refuses one under a parent declared complete outside its years", () => {
    const rows = [
      { code: "208", name: "社会保障和就业支出", from: 2022, to: 2026, line: 1 },
      { code: "20805", name: "行政事业单位养老支出", from: 2024, to: 2026, line: 2, attested: true },
    ];
    expect(buildClassification("function", rows).attested).toEqual(["20805"]);
    expect(() => buildClassification("function", rows, [["208", 2022, 2023]])).toThrow(/attested 20805/);
    expect(buildClassification("function", rows, [["208", 2024, 2026]]).complete).toEqual([["208", 2024, 2026]]);
  });
});
