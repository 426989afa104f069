/**
 * One check configuration for every caller (issue 16 item 4, issue 17): the pane's live checker and the ribbon's
 * Check build their sessions here, from the same stored settings (rule profile, switched-off rules, tolerance) and
 * the same catalogue, so both mark the same cells and either can clear what the other wrote. No React, no Office.
 */
import type { Catalogue } from "../core/catalogue";
import type { GridWorkbook } from "../core/grid";
import { withTolerance, type ProfileName, type RuleProfile } from "../core/profiles";
import { CheckSession } from "../core/session";
import type { CheckSessionLike, SessionFactory } from "../excel/live-checker";

/** What a check is built with. */
export interface CheckSetup {
  catalogue?: Catalogue;
  /** Budget year override; undefined = read from the tables' titles. */
  year?: number;
  /** Rule profile, switched-off rules and tolerance; undefined = every rule as it reports. */
  profile?: RuleProfile;
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
  return { catalogue, profile: withTolerance(profileFromSettings(s), s.tolerance) };
}

/** A session on this thread (the pane without a worker, the ribbon, the preview). */
export function createCheckSession(workbook: GridWorkbook, setup: CheckSetup): CheckSessionLike {
  const { catalogue, year, profile } = setup;
  return new CheckSession(workbook, { catalogue, year, profile });
}

/** A LiveChecker session factory over a fixed setup (the ribbon: one click, one setup). */
export function sessionFactoryFor(setup: CheckSetup): SessionFactory {
  return (workbook) => createCheckSession(workbook, setup);
}
