/** The Excel adapter's public surface, for the task pane and the browser preview. */
export * from "./host";
export {
  MINIMUM_REQUIREMENT_SET,
  FULL_CAPABILITIES,
  detectCapabilities,
  officeCapabilities,
  meetsMinimum,
} from "./capabilities";
export type { Capabilities, RequirementSet, IsSetSupported } from "./capabilities";
export { officeRunner, contextRunner, type ExcelRunner } from "./excel-runner";
export { OfficeHost, type OfficeHostOptions } from "./office-host";
export { MemoryHost, type Selection } from "./memory-host";
export { LiveChecker, coreSession } from "./live-checker";
export type { CheckSessionLike, SessionFactory, LiveCheckerOptions, LiveState, StateListener } from "./live-checker";
export { MARK_PREFIX, MARK_CF_FORMULA, MARK_FILL, NOTE_LIMIT } from "../core/report/mark-plan";
export type { CellMark, CfGroup } from "../core/report/mark-plan";
