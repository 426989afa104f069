/**
 * Rule profiles: which findings the user sees, and how severe. The pane's settings and the CLI (--profile,
 * --disable) share this; listRules() is the catalogue of rule ids they list.
 *
 * | profile   | rules shown                                                  | severity                                    |
 * |-----------|--------------------------------------------------------------|---------------------------------------------|
 * | `default` | all                                                          | as each rule reports it                     |
 * | `strict`  | all                                                          | every warning becomes an error (rounding    |
 * |           |                                                              | differences, 30110↔2101101 pairs, document, |
 * |           |                                                              | plausibility and catalogue-name warnings);  |
 * |           |                                                              | info stays info. For the final review.      |
 * | `minimal` | the sums: table.*, hierarchy.*, summary.*, three-public.*,   | errors only (rounding warnings and info     |
 * |           | basic.*, cross.*, workbooks.department-sum,                  | dropped)                                    |
 * |           | workbooks.final-vs-budget, and what breaks a sum:            |                                             |
 * |           | cell.error-value,                                            |                                             |
 * |           | cell.not-a-number, cell.circular-formula,                    |                                             |
 * |           | plausibility.all-children-blank                              |                                             |
 *
 * Then the user's own settings, which beat the profile:
 * - `severity: { key: "error" | "warning" | "info" | "off" }` sets the severity of every rule the key matches (the
 *   longest matching key wins; "off" hides them), and shows the rule even where the profile would drop it;
 * - `disabled: [key …]` hides every rule a key matches, whatever else says.
 * A key matches a rule id exactly or as a dotted prefix: "cross" or "cross." matches every cross.* rule, "cell.number"
 * matches nothing (it is not a whole segment), "*" matches all.
 *
 * Last, the tolerance (`tolerance: "0.01"`, the pane's setting and the CLI's --tolerance): a sum or cross-table
 * finding whose stated and expected amounts differ by no more than it is not a mismatch but a note (info: listed,
 * not marked). The amount is in the finding's own unit (its cell's table: 元 or 万元) and compared exactly.
 */
import type { Finding, Severity } from "./finding";
import { Decimal } from "./money";
import { RULES, type RegisteredRule } from "./rule-registry";

export type { RuleGroup } from "./rule-info";
export type { RuleId } from "./rule-registry";
/** A rule as listRules() lists it (a copy the caller may edit). */
export type RuleInfo = { -readonly [K in keyof RegisteredRule]: RegisteredRule[K] };

export type ProfileName = "default" | "strict" | "minimal";

export const PROFILE_NAMES: readonly ProfileName[] = ["default", "strict", "minimal"];

export interface RuleProfile {
  name: ProfileName;
  disabled?: string[];
  severity?: Record<string, Severity | "off">;
  /** Decimal text ("0.01"): amount differences up to this are notes, not mismatches. Absent or 0 = the spec's rule. */
  tolerance?: string;
}

/** A tolerance as the profile holds it: a non-negative decimal ("0.01", "5", ".5"); null when the text is not one. */
export function parseTolerance(text: string): string | null {
  const t = text.trim();
  return /^(\d+(\.\d*)?|\.\d+)$/.test(t) ? new Decimal(t).toString() : null;
}

/** The profile with the pane's numeric tolerance (finite, ≥ 0) in it; none or 0 leaves the profile as it is. */
export function withTolerance(profile: RuleProfile | undefined, tolerance: number): RuleProfile | undefined {
  if (!(Number.isFinite(tolerance) && tolerance > 0)) return profile;
  // A double's shortest decimal text is the number the user typed (0.01 → "0.01"), so nothing is lost here.
  return { ...(profile ?? { name: "default" }), tolerance: new Decimal(tolerance).toString() };
}

/** Every rule id with its group, default severity and zh/en description, in a stable order. */
export function listRules(): RuleInfo[] {
  return RULES.map((r) => ({ ...r }));
}

/** Does a settings key ("cross", "cross.", "hierarchy.sum", "*") match a rule id? */
export function ruleKeyMatches(key: string, rule: string): boolean {
  const k = key.trim().replace(/\.$/, "");
  return k === "*" || rule === k || rule.startsWith(`${k}.`);
}

/** Keys that match no known rule (for the CLI to warn about a typo in --disable). */
export function unknownRuleKeys(keys: string[]): string[] {
  return keys.filter((k) => !RULES.some((r) => ruleKeyMatches(k, r.id)));
}

const MINIMAL_PREFIXES = ["table", "hierarchy", "summary", "three-public", "basic", "cross", "final", "workbooks.department-sum", "workbooks.final-vs-budget", "cell.error-value", "cell.not-a-number", "cell.circular-formula", "plausibility.all-children-blank"];

function override(severity: RuleProfile["severity"], rule: string): Severity | "off" | undefined {
  if (!severity) return undefined;
  let best: string | undefined;
  for (const key of Object.keys(severity)) {
    if (ruleKeyMatches(key, rule) && (best === undefined || key.replace(/\.$/, "").length > best.replace(/\.$/, "").length)) best = key;
  }
  return best === undefined ? undefined : severity[best];
}

function byProfile(name: ProfileName, f: Finding): Severity | null {
  switch (name) {
    case "default":
      return f.severity;
    case "strict":
      return f.severity === "warning" ? "error" : f.severity;
    case "minimal":
      return f.severity === "error" && MINIMAL_PREFIXES.some((p) => ruleKeyMatches(p, f.rule)) ? "error" : null;
  }
}

/** Rules comparing amounts, whose findings carry the two amounts the tolerance is measured on. */
const AMOUNT_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.group === "sum" || r.group === "cross").map((r) => r.id));

function amountOf(text: string | undefined): Decimal | null {
  if (text === undefined) return null;
  try {
    const d = new Decimal(text);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** Is the finding an amount difference no larger than the tolerance? */
function withinTolerance(f: Finding, tolerance: Decimal): boolean {
  if (!AMOUNT_RULES.has(f.rule)) return false;
  const expected = amountOf(f.expected);
  const actual = amountOf(f.actual);
  return expected !== null && actual !== null && expected.minus(actual).abs().lte(tolerance);
}

function toleranceOf(profile: RuleProfile): Decimal | null {
  const t = profile.tolerance === undefined ? null : amountOf(profile.tolerance);
  return t !== null && t.isPositive() && !t.isZero() ? t : null;
}

/** The findings as the profile shows them (new objects where the severity changes; the input is not modified). */
export function applyProfile(findings: Finding[], profile: RuleProfile): Finding[] {
  const tolerance = toleranceOf(profile);
  const out: Finding[] = [];
  for (const f of findings) {
    if (profile.disabled?.some((k) => ruleKeyMatches(k, f.rule))) continue;
    const own = override(profile.severity, f.rule);
    let severity = own === "off" ? null : own ?? byProfile(profile.name, f);
    if (severity === null) continue;
    if (tolerance && severity !== "info" && withinTolerance(f, tolerance)) severity = "info";
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
