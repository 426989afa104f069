/**
 * A table labelled 单位：元 whose amounts are in 万元 (10,000 times too small), in a workbook in 元: named as the root
 * cause by its cross-table identities (document.unit-mismatch), its failing cross-table sums not reported on top; a
 * workbook wholly in 元, and small 三公 tables truly in 元, are not flagged.
 */
import { checkWorkbook } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/finding";
import type { GridWorkbook } from "../../../src/core/grid";
import { loadFixture, scaleSheet } from "../../helpers/variants";
import { a1 } from "../../../src/core/finding";

const WAN_FIXTURES = ["hebei-qinhuangdao-social-insurance-2023", "henan-yibin-social-security-2022", "shijiazhuang-social-insurance-2023"];
const PUTUO = "shanghai-putuo-commerce-unit-2025";
const at = (f: Finding) => `${f.cells[0].sheet}!${a1(f.cells[0])}`;
const shown = (wb: GridWorkbook) => checkWorkbook(wb).findings.filter((f) => f.severity !== "info");
const sheetLike = (wb: GridWorkbook, re: RegExp) => wb.sheets.find((s) => re.test(s.name))!.name;

/** Every table converted to 元 (amounts × 10,000, unit line 单位：元) except `keep`, relabelled 元 only. */
function inYuanExcept(wb: GridWorkbook, keep: string | null): GridWorkbook {
  let out = wb;
  for (const s of wb.sheets) out = s.name === keep ? scaleSheet(out, s.name, 1, "单位：元") : scaleSheet(out, s.name, 10_000, "单位：元");
  return out;
}

describe.each(WAN_FIXTURES)("%s converted to 元", (name) => {
  let allYuan: Finding[];
  beforeAll(async () => {
    allYuan = shown(inYuanExcept(await loadFixture(name), null));
  });

  it("wholly in 元: the fixture's known findings only, no unit finding", async () => {
    const original = shown(await loadFixture(name));
    expect(allYuan.map((f) => `${f.rule} ${at(f)}`)).toEqual(original.map((f) => `${f.rule} ${at(f)}`));
  });

  it.each([/^一般公共预算支出/, /三公/])("the %s table left in 万元 under 单位：元: one root-cause error, nothing blamed elsewhere", async (re) => {
    const base = await loadFixture(name);
    const keep = sheetLike(base, re);
    const found = shown(inYuanExcept(base, keep));
    const errors = found.filter((f) => f.severity === "error");
    // The 宜宾 三公 table has no 公务接待费/公务用车 line in the 基本支出表 to compare with: no identity reads it, so
    // nothing can tell 12.35 万元 from 12.35 元 there (magnitude alone would flag the small 三公 tables truly in 元).
    const detectable = !(name.startsWith("henan") && re.source === "三公");
    expect(errors.map((f) => [f.rule, f.cells[0].sheet, f.expected, f.actual])).toEqual(detectable ? [["document.unit-mismatch", keep, "万元", "元"]] : []);
    // Whatever else remains is among the findings the workbook has in 元 anyway.
    const known = new Set(allYuan.map((f) => `${f.rule} ${at(f)}`));
    for (const f of found.filter((x) => x.severity !== "error")) expect(known).toContain(`${f.rule} ${at(f)}`);
  });
});

describe("上海 (元 tables, 三公 in 万元)", () => {
  it("the 三公 table's unit line changed to 元 while its amounts stay in 万元: named as such", async () => {
    const base = await loadFixture(PUTUO);
    const three = sheetLike(base, /三公/);
    const found = shown(scaleSheet(base, three, 1, "单位：元"));
    expect(found.map((f) => [f.rule, f.severity, f.cells[0].sheet])).toEqual([["document.unit-mismatch", "error", three]]);
    expect(found[0].message).toContain("万元");
  });

  it("the 三公 table really in 元 (small amounts, unit line 元): clean", async () => {
    const base = await loadFixture(PUTUO);
    const three = sheetLike(base, /三公/);
    expect(shown(scaleSheet(base, three, 10_000, "单位：元"))).toEqual([]);
  });

  it("a 三公 amount under 基本支出's 30217 by less than a unit slip (×10, in 元): the ≤ error, not a unit finding", async () => {
    const base = await loadFixture(PUTUO);
    const three = sheetLike(base, /三公/);
    const found = shown(scaleSheet(base, three, 1_000, "单位：元"));
    expect(found.some((f) => f.rule === "document.unit-mismatch")).toBe(false);
    expect(found.some((f) => f.rule === "cross.basic-three-public")).toBe(true);
  });
});
