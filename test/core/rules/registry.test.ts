/**
 * The rule registry (src/core/rule-registry.ts): every family's ids once, and every id exercised by a spec. RuleId is
 * the union of the registered ids, so the compiler already rejects a finding or identity naming an unknown rule.
 */
import fs from "node:fs";
import path from "node:path";
import { CATALOGUE_RULES } from "../../../src/core/catalogue/rules";
import { DOCUMENT_RULES } from "../../../src/core/document";
import { listRules } from "../../../src/core/profiles";
import { isRuleId, RULES } from "../../../src/core/rule-registry";
import { CELL_RULES } from "../../../src/core/rules/cell-rules";
import { CROSS_RULES } from "../../../src/core/rules/cross-identities";
import { FINAL_CROSS_RULES } from "../../../src/core/rules/final-cross";
import { FINAL_RULES } from "../../../src/core/rules/final-identities";
import { PLAUSIBILITY_RULES } from "../../../src/core/rules/plausibility";
import { TABLE_RULES } from "../../../src/core/rules/table-identities";
import { DEPARTMENT_SUM_RULES } from "../../../src/core/workbooks/department-sum";
import { FINAL_VS_BUDGET_RULES } from "../../../src/core/workbooks/final-vs-budget";

const FAMILIES = {
  TABLE_RULES,
  CROSS_RULES,
  FINAL_RULES,
  FINAL_CROSS_RULES,
  CELL_RULES,
  CATALOGUE_RULES,
  DOCUMENT_RULES,
  PLAUSIBILITY_RULES,
  DEPARTMENT_SUM_RULES,
  FINAL_VS_BUDGET_RULES,
};

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? testSources(p) : /\.tsx?$/.test(p) && p !== __filename ? [fs.readFileSync(p, "utf8")] : [];
  });
}

describe("rule registry", () => {
  it("holds every family's rules, each id once, in family order", () => {
    const all = Object.values(FAMILIES).flat();
    expect(RULES.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(listRules().map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it("isRuleId knows exactly the registered ids", () => {
    for (const r of RULES) expect(isRuleId(r.id)).toBe(true);
    for (const s of ["cross", "cross.basic-vs-function", "hierarchy.sum ", ""]) expect(isRuleId(s)).toBe(false);
  });

  it("every id is exercised by a spec: its family run by describeFamily under test/core/rules, or the id named in a test", () => {
    const sources = testSources(path.resolve(__dirname, "../.."));
    const run = new Set(
      Object.keys(FAMILIES).filter((name) => sources.some((s) => new RegExp(`describeFamily\\([^,]+, ${name},`).test(s))),
    );
    const unexercised = Object.entries(FAMILIES).flatMap(([name, family]) =>
      run.has(name) ? [] : family.map((r) => r.id).filter((id) => !sources.some((s) => s.includes(`"${id}"`))),
    );
    expect(unexercised).toEqual([]);
    expect([...run].sort()).toEqual(["CROSS_RULES", "FINAL_CROSS_RULES", "FINAL_RULES", "TABLE_RULES"]);
  });
});
