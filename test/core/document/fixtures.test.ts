/**
 * The three published workbooks: the document-level and plausibility rules add only genuine notes. The only one is
 * the Henan 项目支出表's "单位：万" (sic), an info: it is the same unit as 万元, so no unit mismatch.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { FIXTURE_NAMES, loadFixture } from "../../helpers/fixtures";
import { HEBEI, HENAN, SHIJIAZHUANG, brief, docFindings, expectWellFormed } from "./helpers";

const EXPECTED: Record<string, ReturnType<typeof brief>[]> = {
  [HEBEI]: [],
  [HENAN]: [{ rule: "document.unit-label", severity: "info", cell: "项目支出表!L2", expected: "单位：万元", actual: "单位：万" }],
  [SHIJIAZHUANG]: [],
  // 上海 publishes the 三公 table in 万元 and the rest in 元: a note (the identities convert), not a mismatch.
  "shanghai-putuo-commerce-unit-2025": [
    { rule: "document.missing-table", severity: "info", cell: "财务收支预算总表!A1", expected: "支出经济分类汇总表" },
    { rule: "document.missing-table", severity: "info", cell: "财务收支预算总表!A1", expected: "项目支出表" },
    { rule: "document.unit-mismatch", severity: "info", cell: "“三公”经费和机关运行经费预算表!G2", expected: "元", actual: "万元" },
  ],
};

describe.each([...FIXTURE_NAMES])("%s", (name) => {
  it("document rules report only the genuine notes", async () => {
    const found = docFindings(await loadFixture(name));
    expect(found.map(brief)).toEqual(EXPECTED[name]);
    expectWellFormed(found);
  });

  it("plausibility rules find nothing in the published amounts", async () => {
    const result = checkWorkbook(await loadFixture(name));
    expect(result.findings.filter((f) => f.rule.startsWith("plausibility."))).toEqual([]);
  });
});
