/** 决算 recognition (spec §6): the nine final-* kinds, never a 预算 kind for a 决算 table or the reverse. */
import { rangeToA1 } from "../../../src/core/address";
import { checkWorkbook, recogniseAll } from "../../../src/core/engine";
import { decideSet, finalKindFromTitle, isFinalKind, titleSet } from "../../../src/core/recognise/final-kinds";
import { FIXTURE_NAMES, loadFixture } from "../../helpers/fixtures";
import { book, sheet } from "../build";
import { ministryFinalSet } from "./ministry-set";

const FINAL = "shanghai-putuo-social-work-final-2024";
const TEMPLATE = "shanghai-final-template-2024";

// Kinds and used ranges as listed in test/fixtures/README.md.
const EXPECTED: Array<[string, string, string]> = [
  ["收入支出决算总表", "final-summary", "A1:D35"],
  ["收入决算表", "final-revenue", "A1:I23"],
  ["支出决算表", "final-expenditure", "A1:H23"],
  ["财政拨款收入支出决算总表", "final-fiscal-summary", "A1:G37"],
  ["一般公共预算财政拨款支出决算表", "final-general-expenditure", "A1:E23"],
  ["一般公共预算财政拨款基本支出决算表", "final-basic-expenditure", "A1:F43"],
  ["财政拨款“三公”经费支出决算表", "final-three-public", "A1:L9"],
  ["政府性基金预算财政拨款收入支出决算表", "final-fund", "A1:H11"],
  ["国有资本经营预算财政拨款收入支出决算表", "final-state-capital", "A1:H11"],
];

describe("the 上海 决算 fixture", () => {
  it("has nine tables with their final-* kinds and published ranges", async () => {
    const tables = recogniseAll(await loadFixture(FINAL));
    expect(tables.map((t) => [t.sheet, t.kind, rangeToA1(t.range)])).toEqual(EXPECTED);
  });

  it("reads the header rows as a header (本年收入合计 is a column there), not as amounts", async () => {
    const wb = await loadFixture(FINAL);
    const t = recogniseAll(wb).find((x) => x.kind === "final-revenue")!;
    expect(t.headerRows.map((r) => r + 1)).toEqual([3, 4]);
    expect(t.columns.filter((c) => c.role === "amount").map((c) => c.label)).toEqual(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
    expect(t.rows[0]).toMatchObject({ role: "total", label: "合计" });
    expect(checkWorkbook(wb).findings.filter((f) => f.rule === "cell.not-a-number")).toEqual([]);
  });

  it("reads the two-panel 基本支出决算表 panel by panel, its last line as the two totals", async () => {
    const t = recogniseAll(await loadFixture(FINAL)).find((x) => x.kind === "final-basic-expenditure")!;
    expect(t.panels).toEqual([
      { codeCol: 0, nameCol: 1, amountCols: [2] },
      { codeCol: 3, nameCol: 4, amountCols: [5] },
    ]);
    const code = (c: string) => t.rows.find((r) => r.code?.code === c)!;
    expect(code("30101").panel).toBe(0);
    expect(t.rows[code("30101").parent!].code!.code).toBe("301");
    expect(code("30201").panel).toBe(1);
    expect(t.rows[code("30201").parent!].code!.code).toBe("302");
    expect(t.rows[code("31001").parent!].code!.code).toBe("310");
    expect(t.rows.filter((r) => r.role === "total").map((r) => [r.label, r.panel])).toEqual([
      ["人员经费合计", 0],
      ["公用经费合计", 1],
    ]);
  });

  it("marks the empty tables with their statement, not the instruction above it", async () => {
    const tables = recogniseAll(await loadFixture(FINAL));
    for (const kind of ["final-three-public", "final-fund", "final-state-capital"]) {
      const t = tables.find((x) => x.kind === kind)!;
      expect(t.empty).toBe(true);
      expect(t.emptyStatement).toMatch(/^说明：.*故本表无数据。$/);
    }
    expect(tables.filter((t) => t.empty).map((t) => t.kind)).toEqual(["final-three-public", "final-fund", "final-state-capital"]);
  });

  it("reads the 三公 table's header group (财政拨款“三公”经费 over the whole width) as header", async () => {
    const t = recogniseAll(await loadFixture(FINAL)).find((x) => x.kind === "final-three-public")!;
    expect(t.headerRows.map((r) => r + 1)).toEqual([3, 4, 5, 6]);
    expect(t.columns.find((c) => c.col === 11)!.path.slice(1)).toEqual(["公务接待费", "决算数"]);
  });
});

describe("the 上海 决算 template (no amounts)", () => {
  it("has the same nine kinds and raises no error or warning", async () => {
    const wb = await loadFixture(TEMPLATE);
    expect(recogniseAll(wb).map((t) => t.kind)).toEqual(EXPECTED.map((e) => e[1]));
    expect(checkWorkbook(wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("never a 预算 kind for a 决算 table or the reverse", () => {
  it.each([...FIXTURE_NAMES, "shanghai-putuo-commerce-unit-2025"])("%s: no final-* kind", async (name) => {
    const kinds = recogniseAll(await loadFixture(name)).map((t) => t.kind);
    expect(kinds.filter((k) => isFinalKind(k))).toEqual([]);
  });

  it.each([FINAL, TEMPLATE])("%s: only final-* kinds", async (name) => {
    const kinds = recogniseAll(await loadFixture(name)).map((t) => t.kind);
    expect(kinds.filter((k) => !isFinalKind(k))).toEqual([]);
  });

  it("the title decides first; a title saying neither set lets the header decide", () => {
    expect(titleSet("收入决算表")).toBe("final");
    expect(titleSet("2025年预算单位收入预算总表")).toBe("budget");
    expect(titleSet("一般公共预算财政拨款支出表")).toBeNull();
    expect(finalKindFromTitle("一般公共预算财政拨款收入支出决算表")).toBe("final-general-expenditure");
    expect(finalKindFromTitle("财政拨款收入支出决算表")).toBe("final-fiscal-summary");
    expect(finalKindFromTitle("国有资本经营预算财政拨款支出决算表")).toBe("final-state-capital");
    // 决算数 under a neutral title: a 决算; under a 预算 title: still the 预算 kind.
    expect(decideSet("general-expenditure", "一般公共预算财政拨款支出表", "项目 决算数")).toBe("final-general-expenditure");
    expect(decideSet("general-expenditure", "2024年一般公共预算支出预算表", "项目 决算数")).toBe("general-expenditure");
    expect(decideSet("general-expenditure", "一般公共预算财政拨款支出表", "项目 合计 基本支出 项目支出")).toBe("general-expenditure");
  });

  it("a table with a neutral title and 决算 header words is a 决算 table", () => {
    const wb = book(
      sheet("表", [
        ["收入支出总表", null, null, null],
        [null, null, null, "单位：万元"],
        ["项目", "决算数", "项目", "决算数"],
        ["一、一般公共预算财政拨款收入", 10, "一、一般公共服务支出", 10],
        ["本年收入合计", 10, "本年支出合计", 10],
        ["总计", 10, "总计", 10],
      ]),
    );
    expect(recogniseAll(wb)[0].kind).toBe("final-summary");
  });
});

describe("the Ministry's 公开01–09表 layout", () => {
  const tables = recogniseAll(ministryFinalSet());

  it("recognises the nine tables beside their 公开NN表 labels", () => {
    expect(tables.map((t) => [t.sheet, t.kind])).toEqual([
      ["公开01表", "final-summary"],
      ["公开02表", "final-revenue"],
      ["公开03表", "final-expenditure"],
      ["公开04表", "final-fiscal-summary"],
      ["公开05表", "final-general-expenditure"],
      ["公开06表", "final-basic-expenditure"],
      ["公开09表", "final-three-public"],
      ["公开07表", "final-fund"],
      ["公开08表", "final-state-capital"],
    ]);
    expect(tables.every((t) => t.year === 2024 && t.unit === "万元")).toBe(true);
  });

  it("takes 类/款/项 from the 合计 row as code-part headers and joins split codes", () => {
    const t = tables.find((x) => x.kind === "final-revenue")!;
    expect(t.columns.slice(0, 3).map((c) => c.codePart)).toEqual(["class", "section", "item"]);
    expect(t.rows[0]).toMatchObject({ role: "total", label: "合计" });
    expect(t.rows.map((r) => r.code?.code).filter(Boolean)).toContain("2010102");
  });

  it("leaves 行次 columns out of the amounts of the two summaries", () => {
    const t = tables.find((x) => x.kind === "final-summary")!;
    expect(t.columns.filter((c) => c.role === "index").map((c) => c.label)).toEqual(["行次", "行次"]);
    expect(t.sides!.map((s) => s.amountCols)).toEqual([[2], [5]]);
  });

  it("reads three panels; 公用经费合计 merged across two panels belongs to the third's 决算数", () => {
    const t = tables.find((x) => x.kind === "final-basic-expenditure")!;
    expect(t.panels!.map((p) => p.amountCols)).toEqual([[2], [5], [8]]);
    const totals = t.rows.filter((r) => r.role === "total");
    expect(totals.map((r) => [r.label, r.panel])).toEqual([
      ["人员经费合计", 0],
      ["公用经费合计", 2],
    ]);
    expect(t.rows.filter((r) => r.role === "item")).toEqual([]);
  });
});
