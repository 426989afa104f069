/**
 * Public API of the 政府收支分类科目 catalogue. Does not import the data: use loadCatalogue() (async, lazy chunk) or
 * getCatalogueSync() from "./sync" (CLI, tests); both return the same Catalogue interface.
 */
export type { Catalogue } from "./catalogue";
export { createCatalogue } from "./catalogue";
export { ancestorCodes, classifyCode, levelOf } from "../codes/classify";
export { codeRowsOfTable, codeRowsOfTables } from "./from-table";
export {
  CodeListError,
  decodeCsvBytes,
  looksLikeCsv,
  parseCodeListBytes,
  parseCodeListCsv,
  parseCodeListGrid,
  parseCsv,
  type ImportedCode,
  type ParsedCodeList,
} from "./import-list";
export { loadCatalogue } from "./load";
export { namesMatch, normaliseName } from "./normalise";
export { checkCodeRows, type CodeRow } from "./rules";
export type {
  CatalogueData,
  CatalogueEntry,
  Classification,
  ClassificationData,
  ImportedList,
  Level,
  PairingData,
  PathStep,
  SearchOptions,
} from "./types";
