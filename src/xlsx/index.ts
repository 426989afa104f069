/** The file layer shared by the CLI and the preview: bytes → grid (browser-safe). Node's path entry is read-file.ts. */
export { readXlsxBytes } from "./read-bytes";
export { WorkbookReadError, readErrorMessage, type ReadFailure } from "./read-error";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits";
