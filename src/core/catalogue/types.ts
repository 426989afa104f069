/** Types shared by the catalogue data files, the lookup API and the rules. */

import type { Classification, Level } from "../codes/classify";

export type { Classification, Level };

export interface PathStep {
  code: string;
  name: string;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  level: Level;
  /** From the 类 down to this entry itself. */
  path: PathStep[];
  /** The catalogue year the answer comes from (the asked year, clamped to the years the data covers). */
  year: number;
  classification: Classification;
}

/** A row of a data file: code, name, pinyin initials of the name (precomputed by the build script). */
export type DataRow = [code: string, name: string, initials: string];

export interface YearDiff {
  add: DataRow[];
  rename: DataRow[];
  remove: string[];
}

/** Compact JSON written by scripts/build-catalogue.ts: the first year in full, later years as diffs. */
export interface ClassificationData {
  classification: Classification;
  years: number[];
  base: DataRow[];
  /** Keyed by year (as a string, JSON keys); each applies on top of the previous year. */
  diffs: Record<string, YearDiff>;
  /**
   * Parents whose children are all listed, with the years that holds for ("" = the list of 类). Below any other
   * parent the data may be incomplete, so a missing code there is "not covered", not "unknown".
   */
  complete: [parent: string, fromYear: number, toYear: number][];
  /**
   * Codes known only from the years they were seen in (printed in real disclosures, a dated excerpt): their year range
   * is no evidence that they did not exist before or after it, so outside it they are "not covered", never "unknown".
   */
  attested?: string[];
}

/** 部门经济分类 款 → the 政府经济分类 款 it may be paired with. */
export type PairingData = Record<string, string[]>;

export interface CatalogueData {
  classifications: ClassificationData[];
  pairing: PairingData;
}

export interface SearchOptions {
  /** Maximum number of results (default 20). */
  limit?: number;
  /** Restrict to one classification. */
  classification?: Classification;
}

/**
 * A code list the user imported (the official list from the finance bureau). For its year (every year when `year` is
 * undefined) it overrides and extends the built-in data and is complete for every parent it lists a child of.
 */
export interface ImportedList {
  /** File name, named in messages. */
  source: string;
  year?: number;
  codes: { code: string; name: string; classification: Classification }[];
}
