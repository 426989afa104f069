/** The Codes tab's state: query, selected entry, insert mode, last notice. */
import type { CatalogueEntry } from "../../core/catalogue";
import type { CodeInsertMode } from "../../host/host";
import type { Notice } from "../check/check-state";

export interface CodesState {
  query: string;
  selected: CatalogueEntry | null;
  mode: CodeInsertMode;
  notice: Notice | null;
}

export const initialCodesState: CodesState = { query: "", selected: null, mode: "code+name", notice: null };

export type CodesAction =
  | { type: "query"; query: string }
  | { type: "select"; entry: CatalogueEntry | null }
  | { type: "mode"; mode: CodeInsertMode }
  | { type: "notice"; notice: Notice | null };

export function codesReducer(state: CodesState, action: CodesAction): CodesState {
  switch (action.type) {
    case "query":
      return { ...state, query: action.query };
    case "select":
      return { ...state, selected: action.entry, notice: null };
    case "mode":
      return { ...state, mode: action.mode };
    case "notice":
      return { ...state, notice: action.notice };
  }
}

/** Root 类 of each classification: every 3-digit code with the classification's leading digit that exists. */
export const CLASSIFICATION_ROOTS = [
  { classification: "function", digit: "2" },
  { classification: "dept-economic", digit: "3" },
  { classification: "gov-economic", digit: "5" },
  { classification: "revenue", digit: "1" },
] as const;
