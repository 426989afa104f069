/**
 * One check configuration for every caller (issue 16 item 4, issue 17): the pane's live checker and the ribbon's
 * Check build their sessions here, from the same stored settings (rule profile, switched-off rules, tolerance) and
 * the same catalogue, so both mark the same cells and either can clear what the other wrote. No React, no Office.
 */
import type { Catalogue } from "../core/catalogue";
import type { CheckResult, Finding } from "../core/finding";
import { mapDelta } from "../core/finding-delta";
import type { GridWorkbook } from "../core/grid";
import { listRules, type ProfileName, type RuleProfile } from "../core/profiles";
import { CheckSession } from "../core/session";
import type { CheckSessionLike, SessionFactory } from "../excel/live-checker";

/** What a check is built with. */
export interface CheckSetup {
  catalogue?: Catalogue;
  /** Budget year override; undefined = read from the tables' titles. */
  year?: number;
  /** Rule profile and switched-off rules; undefined = every rule as it reports. */
  profile?: RuleProfile;
  /** Sum differences up to this amount (in the table's unit) become info. 0 = the spec's rule. */
  tolerance: number;
}

/** The part of the pane's stored settings that shapes a check. */
export interface CheckSettings {
  tolerance: number;
  profile: ProfileName;
  disabledRules: string[];
}

export function profileFromSettings(s: Pick<CheckSettings, "profile" | "disabledRules">): RuleProfile {
  return { name: s.profile, disabled: s.disabledRules };
}

export function setupFromSettings(s: CheckSettings, catalogue?: Catalogue): CheckSetup {
  return { catalogue, profile: profileFromSettings(s), tolerance: s.tolerance };
}

/** A session on this thread (the pane without a worker, the ribbon, the preview). */
export function createCheckSession(workbook: GridWorkbook, setup: CheckSetup): CheckSessionLike {
  const { catalogue, year, profile, tolerance } = setup;
  return withTolerance(new CheckSession(workbook, { catalogue, year, profile }), tolerance);
}

/** A LiveChecker session factory over a fixed setup (the ribbon: one click, one setup). */
export function sessionFactoryFor(setup: CheckSetup): SessionFactory {
  return (workbook) => createCheckSession(workbook, setup);
}

const AMOUNT_RULE_GROUPS = new Set(["sum", "cross"]);
const AMOUNT_RULES = new Set(listRules().filter((r) => AMOUNT_RULE_GROUPS.has(r.group)).map((r) => r.id));

/** Amount findings whose difference is within the tolerance become info: listed, but not marked in the workbook. */
export function applyTolerance(findings: readonly Finding[], tolerance: number): Finding[] {
  return findings.map((f) => {
    if (f.severity === "info" || !AMOUNT_RULES.has(f.rule)) return f;
    const diff = Math.abs(Number(f.expected) - Number(f.actual));
    return Number.isFinite(diff) && diff <= tolerance + 1e-9 ? { ...f, severity: "info" } : f;
  });
}

export function withTolerance(session: CheckSessionLike, tolerance: number): CheckSessionLike {
  if (!(tolerance > 0)) return session;
  // One adjusted object per finding, so the session's delta maps onto the results handed out before.
  const memo = new WeakMap<Finding, Finding>();
  const one = (f: Finding): Finding => {
    let out = memo.get(f);
    if (!out) memo.set(f, (out = applyTolerance([f], tolerance)[0]));
    return out;
  };
  const adjust = (r: CheckResult): CheckResult => ({ ...r, findings: r.findings.map(one) });
  return {
    result: () => adjust(session.result()),
    prepareForEdits: session.prepareForEdits?.bind(session),
    update: async (change) => {
      const u = await session.update(change);
      return { ...u, result: adjust(u.result), delta: mapDelta(u.delta, one) };
    },
  };
}
