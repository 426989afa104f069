import { cellAt } from "../../../src/core/finding";
import { checkCodeRows, type CodeRow } from "../../../src/core/catalogue";
import { getCatalogueSync } from "../../../src/core/catalogue/sync";
import { syntheticCatalogue } from "./synthetic";

const S = "一般公共预算支出表";
const cell = (address: string) => cellAt(S, address);

function row(code: string, name: string | undefined, extra: Partial<CodeRow> = {}): CodeRow {
  return {
    sheet: S,
    codeCells: [cell("A8")],
    code,
    name,
    nameCell: name === undefined ? undefined : cell("B8"),
    classification: code.startsWith("3") ? "dept-economic" : code.startsWith("5") ? "gov-economic" : "function",
    ...extra,
  };
}

describe("catalogue.unknown-code", () => {
  const catalogue = syntheticCatalogue();

  test("a code valid in 2023 and removed in 2024 is an error in 2024, saying it was discontinued", () => {
    expect(checkCodeRows([row("2080598", "虚构停用科目")], catalogue, 2023)).toEqual([]);
    const [f, ...rest] = checkCodeRows([row("2080598", "虚构停用科目")], catalogue, 2024);
    expect(rest).toEqual([]);
    expect(f.rule).toBe("catalogue.unknown-code");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("2024年已停用");
    expect(f.message).toContain("2023年有效");
    expect(f.messageEn).toContain("discontinued in 2024");
    expect(f.cells).toEqual([cell("A8"), cell("B8")]);
    expect(f.actual).toBe("2080598");
  });

  test("a code added in 2024 is an error in 2023, saying when it was added", () => {
    const [f] = checkCodeRows([row("2080597", "虚构新增科目")], catalogue, 2023);
    expect(f.rule).toBe("catalogue.unknown-code");
    expect(f.message).toContain("2024年新增");
    expect(checkCodeRows([row("2080597", "虚构新增科目")], catalogue, 2024)).toEqual([]);
  });

  test("real revisions: 2024 (财预〔2024〕22号) and 2025 (财预〔2025〕41号) additions are errors the year before, even where the list is not complete", () => {
    const real = getCatalogueSync();
    // 22006 sits under 220, whose list of 款 is not declared complete: still an error in 2023, the data knows when it began.
    const [f, ...rest] = checkCodeRows([row("22006", "耕地保护考核奖惩基金支出")], real, 2023);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: "catalogue.unknown-code", severity: "error" });
    expect(f.message).toContain("2024年新增");
    expect(checkCodeRows([row("22006", "耕地保护考核奖惩基金支出")], real, 2024)).toEqual([]);
    expect(checkCodeRows([row("22911", "中央金融机构注资特别国债财务基金支出")], real, 2024)[0]).toMatchObject({ rule: "catalogue.unknown-code" });
    expect(checkCodeRows([row("22911", "中央金融机构注资特别国债财务基金支出")], real, 2025)).toEqual([]);
    const revenue = (code: string, name: string): CodeRow => ({ ...row(code, name), classification: "revenue" });
    expect(checkCodeRows([revenue("1030182", "耕地保护考核奖惩基金收入")], real, 2023)[0].message).toContain("2024年新增");
    expect(checkCodeRows([revenue("1030184", "中央金融机构注资特别国债财务基金收入")], real, 2026)).toEqual([]);
  });

  test("a code that never existed gets no year note; split 类/款/项 cells are all reported", () => {
    const split = row("2101104", "不存在", { codeCells: [cell("A9"), cell("B9"), cell("C9")], nameCell: cell("F9") });
    const [f] = checkCodeRows([split], getCatalogueSync(), 2023);
    expect(f.rule).toBe("catalogue.unknown-code");
    expect(f.message).toBe("科目编码 2101104 不在2023年政府收支分类科目中");
    expect(f.cells).toEqual([cell("A9"), cell("B9"), cell("C9"), cell("F9")]);
  });

  test("a code under a 类 that does not exist is unknown (the 类 list is complete)", () => {
    const [f] = checkCodeRows([row("2180101", "不存在")], getCatalogueSync(), 2023);
    expect(f).toMatchObject({ rule: "catalogue.unknown-code", severity: "error" });
  });

  test("below a parent whose list is not declared complete, a missing code is an info, not an error", () => {
    const real = getCatalogueSync();
    const [f, ...rest] = checkCodeRows([row("2080508", "某科目"), row("2120101", "某科目")], real, 2023);
    expect([f.rule, f.severity]).toEqual(["catalogue.not-covered", "info"]);
    expect(rest.map((x) => x.rule)).toEqual(["catalogue.not-covered"]);
    expect(real.isCovered("2080508", 2023)).toBe(false);
    expect(real.isCovered("2101104", 2023)).toBe(true);
    expect(real.isCovered("2080505", 2023)).toBe(true);
    const [g] = checkCodeRows([row("2101199", "其他行政事业单位医疗支出", { parentCode: "21011" })], syntheticCatalogue(), 2023);
    expect(g.rule).toBe("catalogue.not-covered");
  });
});

describe("catalogue.name-mismatch", () => {
  const real = getCatalogueSync();

  test("a wrong name is a warning with the catalogue name as the expected value", () => {
    const [f, ...rest] = checkCodeRows([row("2101101", "事业单位医疗")], real, 2023);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: "catalogue.name-mismatch",
      severity: "warning",
      expected: "行政单位医疗",
      actual: "事业单位医疗",
      cells: [cell("B8"), cell("A8")],
    });
  });

  test("whitespace, bracket width and a trailing 支出 are not mismatches", () => {
    const rows = [
      row("30213", "维修(护)费"),
      row("2080109", " 社会保险 经办机构 "),
      row("2080199", "其他人力资源和社会保障管理事务"),
      row("50601", "资本性支出(一)"),
      row("2080505", undefined),
    ];
    expect(checkCodeRows(rows, real, 2023)).toEqual([]);
  });

  test("a name valid in another year is called an old name of that year", () => {
    const catalogue = syntheticCatalogue();
    const [f] = checkCodeRows([row("20899", "虚构旧名称")], catalogue, 2025);
    expect(f.rule).toBe("catalogue.name-mismatch");
    expect(f.expected).toBe("虚构新名称");
    expect(f.message).toContain("是2022、2023、2024年的科目名称");
    expect(checkCodeRows([row("20899", "虚构旧名称")], catalogue, 2024)).toEqual([]);
  });
});

describe("catalogue.wrong-parent", () => {
  const real = getCatalogueSync();

  test("a 项 under another 款 is an error naming the right 款", () => {
    const [f] = checkCodeRows([row("2101101", "行政单位医疗", { parentCode: "20805" })], real, 2023);
    expect(f).toMatchObject({ rule: "catalogue.wrong-parent", severity: "error", expected: "21011", actual: "20805" });
  });

  test("a 项 directly under another 类 is an error naming the right 类", () => {
    const [f] = checkCodeRows([row("2080505", "机关事业单位基本养老保险缴费支出", { parentCode: "210" })], real, 2023);
    expect(f).toMatchObject({ rule: "catalogue.wrong-parent", expected: "208", actual: "210" });
  });

  test("its own 款, its own 类 (a skipped level), or no enclosing row are fine", () => {
    const rows = [
      row("2080505", "机关事业单位基本养老保险缴费支出", { parentCode: "20805" }),
      row("2080505", "机关事业单位基本养老保险缴费支出", { parentCode: "208" }),
      row("30101", "基本工资", { parentCode: "301" }),
      row("20805", "行政事业单位养老支出", { parentCode: "20805" }),
      row("208", "社会保障和就业支出"),
    ];
    expect(checkCodeRows(rows, real, 2023)).toEqual([]);
  });
});

describe("catalogue.economic-pairing", () => {
  const real = getCatalogueSync();
  const paired = (dept: string, name: string, gov: string): CodeRow =>
    row(dept, name, { pairedCode: { code: gov, cell: cell("C8") } });

  test("30101 基本工资 pairs with 50501 (事业单位) or 50101 (机关)", () => {
    expect(checkCodeRows([paired("30101", "基本工资", "50501"), paired("30101", "基本工资", "50101")], real, 2022)).toEqual([]);
  });

  test("a pairing outside the correspondence table is a warning pointing at the 政府经济分类 cell", () => {
    const [f, ...rest] = checkCodeRows([paired("30302", "退休费", "50501")], real, 2022);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: "catalogue.economic-pairing",
      severity: "warning",
      expected: "50905",
      actual: "50501",
    });
    expect(f.cells[0]).toEqual(cell("C8"));
    const [g] = checkCodeRows([paired("30101", "基本工资", "50502")], real, 2022);
    expect(g.expected).toBe("50101/50501");
  });

  test("no pairing check for codes without a correspondence entry or without a paired code", () => {
    expect(checkCodeRows([paired("301", "工资福利支出", "50599"), row("30101", "基本工资")], real, 2022)).toEqual([]);
  });
});
