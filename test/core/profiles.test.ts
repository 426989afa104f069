/** Rule profiles, user overrides by dotted prefix, and the rule catalogue. */
import type { Finding, Severity } from "../../src/core/finding";
import { applyProfile, listRules, parseTolerance, ruleKeyMatches, unknownRuleKeys, withTolerance, type RuleId } from "../../src/core/profiles";

function f(rule: RuleId, severity: Severity): Finding {
  return { rule, severity, message: rule, messageEn: rule, cells: [{ sheet: "S", row: 0, col: 0 }] };
}

const SAMPLE: Finding[] = [
  f("hierarchy.sum", "error"),
  f("hierarchy.sum", "warning"),
  f("cross.basic-function", "warning"),
  f("cross.summary-expenditure-total", "error"),
  f("cell.not-a-number", "error"),
  f("cell.number-as-text", "info"),
  f("document.year-mismatch", "error"),
  f("document.missing-table", "warning"),
  f("plausibility.negative", "warning"),
  f("plausibility.all-children-blank", "error"),
  f("catalogue.name-mismatch", "warning"),
];

const shown = (list: Finding[]) => list.map((x) => `${x.rule}:${x.severity}`);

describe("profiles", () => {
  it("default shows everything as reported", () => {
    expect(applyProfile(SAMPLE, { name: "default" })).toEqual(SAMPLE);
  });

  it("strict turns every warning into an error and keeps info", () => {
    expect(shown(applyProfile(SAMPLE, { name: "strict" }))).toEqual([
      "hierarchy.sum:error",
      "hierarchy.sum:error",
      "cross.basic-function:error",
      "cross.summary-expenditure-total:error",
      "cell.not-a-number:error",
      "cell.number-as-text:info",
      "document.year-mismatch:error",
      "document.missing-table:error",
      "plausibility.negative:error",
      "plausibility.all-children-blank:error",
      "catalogue.name-mismatch:error",
    ]);
  });

  it("minimal keeps only the errors of the sums and of what breaks them", () => {
    expect(shown(applyProfile(SAMPLE, { name: "minimal" }))).toEqual([
      "hierarchy.sum:error",
      "cross.summary-expenditure-total:error",
      "cell.not-a-number:error",
      "plausibility.all-children-blank:error",
    ]);
  });

  it("does not modify its input", () => {
    const copy = structuredClone(SAMPLE);
    applyProfile(SAMPLE, { name: "strict", severity: { "*": "info" } });
    expect(SAMPLE).toEqual(copy);
  });
});

describe("user settings", () => {
  it("'cross.' and 'cross' disable every cross-table rule, and nothing else", () => {
    for (const key of ["cross.", "cross"]) {
      const out = applyProfile(SAMPLE, { name: "default", disabled: [key] });
      expect(out.some((x) => x.rule.startsWith("cross."))).toBe(false);
      expect(out).toHaveLength(SAMPLE.length - 2);
    }
  });

  it("a key matches whole dotted segments only", () => {
    expect(ruleKeyMatches("cell.number", "cell.number-as-text")).toBe(false);
    expect(ruleKeyMatches("cell", "cell.number-as-text")).toBe(true);
    expect(ruleKeyMatches("hierarchy.sum", "hierarchy.sum")).toBe(true);
    expect(ruleKeyMatches("three", "three-public.total")).toBe(false);
    expect(ruleKeyMatches("*", "document.magnitude")).toBe(true);
  });

  it("severity overrides: the longest key wins, 'off' hides, disabled beats everything", () => {
    const out = applyProfile(SAMPLE, {
      name: "default",
      severity: { document: "info", "document.year-mismatch": "warning", "catalogue.": "off" },
      disabled: ["plausibility.negative"],
    });
    expect(shown(out).filter((s) => /^(document|catalogue|plausibility)/.test(s))).toEqual([
      "document.year-mismatch:warning",
      "document.missing-table:info",
      "plausibility.all-children-blank:error",
    ]);
  });

  it("an explicit severity shows a rule the profile would drop", () => {
    const out = applyProfile(SAMPLE, { name: "minimal", severity: { "document.missing-table": "warning" } });
    expect(shown(out)).toContain("document.missing-table:warning");
    expect(shown(out)).not.toContain("document.year-mismatch:error");
  });

  it("unknownRuleKeys names keys that match no rule (typos in --disable)", () => {
    expect(unknownRuleKeys(["cross", "hierarchy.sum", "hierachy.sum", "cell.number"])).toEqual(["hierachy.sum", "cell.number"]);
  });
});

describe("listRules", () => {
  const rules = listRules();

  it("has unique ids, both languages and a default severity for each", () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en).toMatch(/[a-z]/);
      expect(["error", "warning", "info"]).toContain(r.severity);
    }
  });

  it("returns copies: editing the list does not change the catalogue", () => {
    rules[0].severity = "info";
    expect(listRules()[0].severity).toBe("error");
  });
});

describe("tolerance", () => {
  const diff = (rule: RuleId, expected: string, actual: string, severity: Severity = "error"): Finding => ({ ...f(rule, severity), expected, actual });

  it("an amount difference up to the tolerance is a note, compared exactly (2185.93 − 2185.92 is 0.01, not 0.0100000000002)", () => {
    const findings = [diff("hierarchy.sum", "2185.92", "2185.93"), diff("cross.summary-expenditure-total", "10.00", "10.02", "warning")];
    expect(shown(applyProfile(findings, { name: "default", tolerance: "0.01" }))).toEqual(["hierarchy.sum:info", "cross.summary-expenditure-total:warning"]);
    expect(shown(applyProfile(findings, { name: "default", tolerance: "0.02" }))).toEqual(["hierarchy.sum:info", "cross.summary-expenditure-total:info"]);
    expect(shown(applyProfile(findings, { name: "default", tolerance: "0.009" }))).toEqual(["hierarchy.sum:error", "cross.summary-expenditure-total:warning"]);
    expect(shown(applyProfile(findings, { name: "default", tolerance: "0" }))).toEqual(["hierarchy.sum:error", "cross.summary-expenditure-total:warning"]);
  });

  it("applies to sum and cross-table rules only, after the profile's own severities", () => {
    const findings = [diff("workbooks.department-sum", "1.00", "1.01"), diff("cell.not-a-number", "1.00", "1.00"), diff("hierarchy.sum", "1.00", "1.01", "warning")];
    expect(shown(applyProfile(findings, { name: "default", tolerance: "1" }))).toEqual(["workbooks.department-sum:error", "cell.not-a-number:error", "hierarchy.sum:info"]);
    // strict makes the rounding warning an error first; the tolerance still makes it a note.
    expect(shown(applyProfile(findings, { name: "strict", tolerance: "1" }))).toEqual(["workbooks.department-sum:error", "cell.not-a-number:error", "hierarchy.sum:info"]);
    expect(shown(applyProfile([f("hierarchy.sum", "error")], { name: "default", tolerance: "1" }))).toEqual(["hierarchy.sum:error"]);
  });

  it("parseTolerance takes non-negative decimals only; withTolerance carries the pane's number exactly", () => {
    expect(["0.01", "5", ".5", "0", "1.", " 2 "].map(parseTolerance)).toEqual(["0.01", "5", "0.5", "0", "1", "2"]);
    expect(["-1", "1e3", "abc", "", "1,5", "Infinity"].map(parseTolerance)).toEqual([null, null, null, null, null, null]);
    expect(withTolerance({ name: "strict", disabled: ["cross"] }, 0.01)).toEqual({ name: "strict", disabled: ["cross"], tolerance: "0.01" });
    expect(withTolerance(undefined, 0.3)).toEqual({ name: "default", tolerance: "0.3" });
    expect(withTolerance(undefined, 0)).toBeUndefined();
    expect(withTolerance({ name: "minimal" }, Number.NaN)).toEqual({ name: "minimal" });
  });
});
