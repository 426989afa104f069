/**
 * How the variant suites compare a changed workbook with the published one: checked with the built-in catalogue,
 * findings reduced to what they say whatever the tables' positions (severity, rule, expected, actual; info left out).
 */
import { getCatalogueSync } from "../../src/core/catalogue/sync";
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/finding";
import type { GridWorkbook } from "../../src/core/grid";

const catalogue = getCatalogueSync();

export const check = (wb: GridWorkbook) => checkWorkbook(wb, { catalogue });

export const gist = (findings: Finding[]): string[] =>
  findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.severity} ${f.rule} ${f.expected} ${f.actual}`)
    .sort();

export const kinds = (wb: GridWorkbook): string[] => check(wb).tables.map((t) => t.kind).sort();
