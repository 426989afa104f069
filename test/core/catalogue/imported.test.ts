/** Imported lists laid over the built-in catalogue: they extend and override it, and are complete where they list. */
import { checkCodeRows, parseCodeListCsv, type CodeRow, type ImportedList } from "../../../src/core/catalogue";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import { parseA1 } from "../../../src/core/address";

const S = "支出表";
function row(code: string, name: string, address = "A8"): CodeRow {
  return { sheet: S, codeCells: [{ sheet: S, ...parseA1(address) }], code, name, classification: code.startsWith("3") ? "dept-economic" : "function" };
}

/** 款 21301 农业农村 with two of its 项 (a real list has more; this one is "complete" by being imported). */
const LIST = [
  "科目编码,科目名称",
  "213,农林水支出",
  "21301,农业农村",
  "2130101,行政运行",
  "2130104,事业运行",
  "2080505,机关事业单位基本养老保险缴费（导入名称）",
].join("\n");

function imported(year?: number): ImportedList {
  const parsed = parseCodeListCsv(LIST, "list.csv");
  return { source: parsed.source, ...(year !== undefined ? { year } : {}), codes: parsed.codes };
}

describe("imported lists", () => {
  test("every imported code is found with its name; imported names override the built-in ones", () => {
    const built = getCatalogueSync();
    expect(built.lookup("2130101", 2024)).toBeUndefined();
    const c = getCatalogueSync([imported(2024)]);
    expect(c.lookup("2130101", 2024)).toMatchObject({
      code: "2130101",
      name: "行政运行",
      level: "项",
      year: 2024,
      path: [
        { code: "213", name: "农林水支出" },
        { code: "21301", name: "农业农村" },
        { code: "2130101", name: "行政运行" },
      ],
    });
    expect(c.lookup("2080505", 2024)?.name).toBe("机关事业单位基本养老保险缴费（导入名称）");
    expect(c.children("21301", 2024).map((e) => e.code)).toEqual(["2130101", "2130104"]);
    expect(c.search("农业农村", 2024).map((e) => e.code)).toContain("21301");
    // A list for 2024 does not apply to 2023.
    expect(c.lookup("2130101", 2023)).toBeUndefined();
    expect(c.hasImport(2024)).toBe(true);
    expect(c.hasImport(2023)).toBe(false);
  });

  test("a list without a year applies to every year checked", () => {
    const c = getCatalogueSync([imported()]);
    for (const y of [2022, 2024, 2026]) expect(c.lookup("2130104", y)?.name).toBe("事业运行");
  });

  test("a code absent from an imported 款 is catalogue.unknown-code (error) naming the list; the built-in data alone says not covered", () => {
    const before = checkCodeRows([row("2130199", "其他农业农村支出")], getCatalogueSync(), 2024);
    expect(before.map((f) => f.rule)).toEqual(["catalogue.not-covered"]);
    const c = getCatalogueSync([imported(2024)]);
    expect(c.isCovered("2130199", 2024)).toBe(true);
    expect(c.importedListFor("2130199", 2024)).toBe("list.csv");
    const [f, ...rest] = checkCodeRows([row("2130199", "其他农业农村支出")], c, 2024);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "catalogue.unknown-code", severity: "error", actual: "2130199" });
    expect(f.message).toContain("导入的科目表 list.csv 中没有");
    // Its listed codes pass, name included.
    expect(checkCodeRows([row("2130101", "行政运行")], c, 2024)).toEqual([]);
  });

  test("built-in codes under a parent the import lists with children, but missing from it, no longer exist for that year", () => {
    const built = getCatalogueSync();
    expect(built.lookup("20801", 2024)).toBeDefined();
    const fn = (code: string, name: string) => ({ code, name, classification: "function" as const });
    const c = getCatalogueSync([{ source: "a.csv", year: 2024, codes: [fn("208", "社会保障和就业支出"), fn("20805", "行政事业单位养老支出")] }]);
    expect(c.lookup("20801", 2024)).toBeUndefined();
    expect(c.lookup("2080101", 2024)).toBeUndefined();
    expect(c.importedListFor("2080101", 2024)).toBe("a.csv");
    // 20805 is listed without its 项: its 项 are not judged by the list, and keep the built-in rows.
    expect(c.lookup("2080505", 2024)).toBeDefined();
    // An excerpt holding one 类 says nothing about the other 类; the 部门经济分类 is untouched.
    expect(c.lookup("210", 2024)).toBeDefined();
    expect(c.lookup("30101", 2024)).toBeDefined();
    expect(c.importedListFor("21899", 2024)).toBeUndefined();
  });

  test("a list holding every 类 the built-in data knows is complete for the 类 list too", () => {
    const built = getCatalogueSync();
    const classes = built.search("2", 2024, { limit: 2000, classification: "function" }).filter((e) => e.level === "类");
    expect(classes.length).toBeGreaterThanOrEqual(25);
    const c = getCatalogueSync([{ source: "full.xlsx", year: 2024, codes: classes.map((e) => ({ code: e.code, name: e.name, classification: "function" as const })) }]);
    expect(c.importedListFor("218", 2024)).toBe("full.xlsx");
    expect(checkCodeRows([row("2180101", "某科目")], c, 2024)[0]).toMatchObject({ rule: "catalogue.unknown-code", severity: "error" });
  });

  test("a code only a list for 2024 holds is not evidence for 2023 (not called 2024年新增 there)", () => {
    const c = getCatalogueSync([imported(2024)]);
    expect(c.yearsOf("2130101")).toEqual([]);
    const [f] = checkCodeRows([row("2130101", "行政运行")], c, 2023);
    expect(f.rule).toBe("catalogue.not-covered");
  });

  test("not-covered codes give one note per parent, naming the parent and counting the cells", () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(i % 2 === 0 ? "2130101" : "2130104", "x", `A${i + 1}`));
    rows.push(row("2140101", "行政运行", "A900"));
    const findings = checkCodeRows(rows, getCatalogueSync(), 2024);
    expect(findings).toHaveLength(2);
    const [a, b] = findings;
    expect(a).toMatchObject({ rule: "catalogue.not-covered", severity: "info" });
    expect(a.message).toContain("213 农林水支出");
    expect(a.message).toContain("500 处");
    expect(a.message).toContain("2130101、2130104");
    expect(a.message).toContain("导入2024年科目表");
    expect(a.cells).toHaveLength(500);
    expect(a.cells[1]).toEqual({ sheet: S, row: 1, col: 0 });
    expect(b.message).toContain("214 交通运输支出");
    for (const f of findings) expect(f.message).not.toMatch(/不在.*科目中/);
  });
});
