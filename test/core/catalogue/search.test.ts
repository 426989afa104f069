import { initials } from "../../../src/core/catalogue/initials";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";

describe("search", () => {
  const catalogue = getCatalogueSync();
  const codes = (text: string, limit?: number): string[] =>
    catalogue.search(text, 2023, { limit }).map((e) => e.code);

  test('"养老" finds 2080505 among the first results', () => {
    const results = codes("养老");
    expect(results.slice(0, 5)).toContain("2080505");
    expect(results.every((c) => catalogue.lookup(c, 2023)?.name.includes("养老"))).toBe(true);
  });

  test('"jgsydw" (pinyin initials) finds 机关事业单位… subjects, the prefix matches first', () => {
    const results = catalogue.search("jgsydw", 2023);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results[0].name.startsWith("机关事业单位")).toBe(true);
    expect(results.map((e) => e.code)).toEqual(expect.arrayContaining(["2080505", "2080506", "30108"]));
    expect(results.every((e) => e.name.includes("机关事业单位"))).toBe(true);
  });

  test('"2080" lists the 款 under 208 each followed by its 项 children (tree order)', () => {
    const results = codes("2080", 200);
    expect(results.every((c) => c.startsWith("2080"))).toBe(true);
    const at = results.indexOf("20805");
    const children = catalogue.children("20805", 2023).map((e) => e.code);
    expect(results.slice(at + 1, at + 1 + children.length)).toEqual(children);
    expect(children).toContain("2080505");
  });

  test("ranking: exact code, then code prefix; exact name before name prefix before substring", () => {
    expect(codes("20805")[0]).toBe("20805");
    expect(codes("20805")[1]).toBe("2080501");
    const housing = codes("住房公积金");
    // Exact name matches (function 2210201, dept 30113, gov 50103) come before "住房公积金…" prefixes, if any.
    expect(housing.slice(0, 3).sort()).toEqual(["2210201", "30113", "50103"]);
    const medical = codes("医疗");
    expect(medical.indexOf("21013")).toBeLessThan(medical.indexOf("2101101"));
  });

  test("full-width input, spaces and case are tolerated; the limit and classification filter apply", () => {
    expect(codes("维修(护)费")).toEqual(expect.arrayContaining(["30213", "50209"]));
    expect(codes(" 社会保险 经办机构 ")).toContain("2080109");
    expect(codes("JGSYDW")).toContain("2080505");
    expect(codes("支出", 3)).toHaveLength(3);
    const econ = catalogue.search("培训费", 2023, { classification: "dept-economic" }).map((e) => e.code);
    expect(econ).toEqual(["30216"]);
  });

  test("no match, empty input", () => {
    expect(codes("不存在的科目名称")).toEqual([]);
    expect(codes("   ")).toEqual([]);
    expect(codes("9")).toEqual([]);
  });
});

describe("search over imported names (pinyin initials as for the built-in ones)", () => {
  // 2013960 is in no built-in year (checked below); 2080505 gets another name than the built-in 机关事业单位基本养老保险缴费支出.
  const LIST = {
    source: "list.csv",
    codes: [
      { code: "20139", name: "社会工作事务", classification: "function" as const },
      { code: "2013960", name: "基层治理事务", classification: "function" as const },
      { code: "2080505", name: "养老保险缴费支出", classification: "function" as const },
    ],
  };

  test("an imported name is found by its initials, prefix before substring; a renamed code by its new name's", () => {
    const before = getCatalogueSync();
    expect(before.lookup("2013960", 2024)).toBeUndefined();
    const catalogue = getCatalogueSync([LIST], initials);
    expect(catalogue.search("jczlsw", 2024).map((e) => e.code)).toEqual(["2013960"]);
    expect(catalogue.search("zlsw", 2024).map((e) => e.code)).toEqual(["2013960"]);
    expect(catalogue.search("ylbxjfzc", 2024).map((e) => e.code)[0]).toBe("2080505");
    expect(catalogue.search("jgsydwjbylbx", 2024).map((e) => e.code)).not.toContain("2080505");
  });

  test("the built-in data's initials are the ones initials() computes (one function for both)", () => {
    const builtIn = getCatalogueSync();
    for (const code of ["2080505", "30108", "20805"]) {
      const name = builtIn.lookup(code, 2023)!.name;
      expect(builtIn.search(initials(name), 2023, { limit: 200 }).map((e) => e.code)).toContain(code);
    }
  });

  test("a catalogue built for checks (no initials function) finds imported names by code and name only", () => {
    const catalogue = getCatalogueSync([LIST]);
    expect(catalogue.search("基层治理", 2024).map((e) => e.code)).toEqual(["2013960"]);
    expect(catalogue.search("2013960", 2024).map((e) => e.code)).toEqual(["2013960"]);
    expect(catalogue.search("jczlsw", 2024)).toEqual([]);
  });
});
