/** Rule profiles, user overrides by dotted prefix, and the rule catalogue. */
import fs from "node:fs";
import path from "node:path";
import type { Finding, Severity } from "../../src/core/finding";
import { applyProfile, listRules, ruleKeyMatches, unknownRuleKeys } from "../../src/core/profiles";

function f(rule: string, severity: Severity): Finding {
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

  it("lists exactly the rule ids the core emits (found in its source)", () => {
    const ids = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith(".ts") && !p.endsWith("profiles.ts")) {
          const src = fs.readFileSync(p, "utf8");
          for (const m of src.matchAll(/"((?:table|hierarchy|basic|summary|three-public|cross|cell|catalogue|document|plausibility|final|workbooks)\.[a-z-]+)"/g)) ids.add(m[1]);
        }
      }
    };
    walk(path.resolve(__dirname, "../../src/core"));
    expect(ids.size).toBeGreaterThan(40);
    expect(rules.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it("returns copies: editing the list does not change the catalogue", () => {
    rules[0].severity = "info";
    expect(listRules()[0].severity).toBe("error");
  });
});
