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
