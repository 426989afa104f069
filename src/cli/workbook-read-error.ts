/** Moved to src/xlsx/read-error.ts (the file layer shared with the preview); kept so existing imports work. */
export { WorkbookReadError, readErrorMessage, type ReadFailure } from "../xlsx/read-error";
