/** The Excel adapter's public surface: the Office.js host and what it knows of the running Excel. */
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
