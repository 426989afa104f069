/** The Check tab's own state (the findings themselves come from the LiveChecker): filters, pending fix, notice. */
import type { Severity } from "../../core/finding";
import type { SeverityFilter } from "./findings-model";
import type { QuickFix } from "./quick-fixes";

export interface Notice {
  intent: "success" | "error";
  text: string;
}

export interface CheckTabState {
  filter: SeverityFilter;
  /** A sum fix waiting for the user's confirmation. */
  confirming: (QuickFix & { kind: "sum"; formula: string | null }) | null;
  notice: Notice | null;
}

export const initialCheckTabState: CheckTabState = {
  filter: { error: true, warning: true, info: true },
  confirming: null,
  notice: null,
};

export type CheckTabAction =
  | { type: "toggle-severity"; severity: Severity }
  | { type: "confirm-fix"; fix: QuickFix & { kind: "sum" }; formula: string | null }
  | { type: "close-confirm" }
  | { type: "notice"; notice: Notice | null };

export function checkTabReducer(state: CheckTabState, action: CheckTabAction): CheckTabState {
  switch (action.type) {
    case "toggle-severity":
      return { ...state, filter: { ...state.filter, [action.severity]: !state.filter[action.severity] } };
    case "confirm-fix":
      return { ...state, confirming: { ...action.fix, formula: action.formula } };
    case "close-confirm":
      return { ...state, confirming: null };
    case "notice":
      return { ...state, notice: action.notice };
  }
}
