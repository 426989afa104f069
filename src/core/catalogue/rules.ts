/**
 * Catalogue rules: every code must exist for the budget year, carry its catalogue name, sit under its own 款/类, and
 * (部门经济分类 ↔ 政府经济分类) pair as the official correspondence table says. Pure: rows in, findings out.
 * A missing code is an error where the data (or an imported list) is complete or holds the code for other years only;
 * elsewhere it is not known either way: one info per parent whose list is incomplete, naming the codes and cells, so a
 * workbook of 100,000 rows gets a handful of notes, not one per cell.
 */
import { levelOf } from "../codes/classify";
import type { Finding, FindingCell } from "../finding";
import type { Catalogue } from "./catalogue";
import { namesMatch } from "./normalise";
import type { CatalogueEntry, Classification } from "./types";
import type { RuleInfo } from "../rule-info";

/** The rules this family reports (id, group, default severity, zh/en), collected by core/rule-registry.ts. */
export const CATALOGUE_RULES = [
  { id: "catalogue.unknown-code", group: "catalogue", severity: "error", zh: "科目编码不在当年政府收支分类科目中", en: "Code not in the year's classification" },
  { id: "catalogue.not-covered", group: "catalogue", severity: "info", zh: "内置科目表未列全的上级科目下的编码，未核对（每个上级科目一条）", en: "Codes under a parent the built-in list does not list completely; not checked (one note per parent)" },
  { id: "catalogue.name-mismatch", group: "catalogue", severity: "warning", zh: "科目名称与科目表不一致", en: "Subject name differs from the classification" },
  { id: "catalogue.wrong-parent", group: "catalogue", severity: "error", zh: "科目列在错误的上级科目之下", en: "Subject listed under the wrong parent" },
  { id: "catalogue.economic-pairing", group: "catalogue", severity: "warning", zh: "部门经济分类与政府经济分类对应不符", en: "Department vs government economic code pairing" },
] as const satisfies readonly RuleInfo[];

export interface CodeRow {
  sheet: string;
  /** One cell, or three cells for codes split into 类 / 款 / 项 columns. */
  codeCells: FindingCell[];
  /** The code as joined digits, e.g. "2080505". */
  code: string;
  name?: string;
  nameCell?: FindingCell;
  classification: Classification;
  /** Code of the nearest enclosing row in the table, if any. */
  parentCode?: string;
  /** 政府经济分类 code on the same row as a 部门经济分类 code. */
  pairedCode?: { code: string; cell: FindingCell };
}

export const RULE_UNKNOWN = "catalogue.unknown-code";
export const RULE_NOT_COVERED = "catalogue.not-covered";
export const RULE_NAME = "catalogue.name-mismatch";
export const RULE_PARENT = "catalogue.wrong-parent";
export const RULE_PAIRING = "catalogue.economic-pairing";

/**
 * `rows` are walked once, in order, and none is kept: they may be made as they are walked, or be one object refilled
 * for each row (what a finding needs of a row is copied from it).
 */
export function checkCodeRows(rows: Iterable<CodeRow>, catalogue: Catalogue, year: number): Finding[] {
  const findings: Finding[] = [];
  const uncovered = new Map<string, Uncovered>();
  // What a missing code gets depends on the code alone (its cells aside): judged once per code, as codes repeat
  // across the units of a large workbook.
  const missing = new Map<string, { finding: Finding | typeof NOT_COVERED; parent: string }>();
  for (const row of rows) {
    // One lookup per row, shared by the existence and the name check.
    const entry = catalogue.lookup(row.code, year);
    let unknown: Finding | typeof NOT_COVERED | undefined;
    let known: { finding: Finding | typeof NOT_COVERED; parent: string } | undefined;
    if (!entry) {
      known = missing.get(row.code);
      if (known === undefined) {
        const finding = checkExists(row, catalogue, year);
        missing.set(row.code, (known = { finding, parent: finding === NOT_COVERED ? listedParent(row, catalogue, year) : "" }));
        unknown = finding;
      } else unknown = known.finding === NOT_COVERED ? NOT_COVERED : { ...known.finding, cells: rowCells(row) };
    }
    if (unknown === NOT_COVERED) {
      const parent = known!.parent;
      let group = uncovered.get(parent);
      if (!group) uncovered.set(parent, (group = { classification: row.classification, count: 0, codes: new Set(), onlyCells: rowCells(row), firstCells: [] }));
      group.count++;
      group.codes.add(row.code);
      const codeCells = row.codeCells;
      if (codeCells.length > 0) group.firstCells.push(codeCells[0]);
    } else if (unknown) findings.push(unknown);
    else {
      const name = entry && checkName(row, entry, catalogue);
      if (name) findings.push(name);
    }
    const parent = checkParent(row);
    if (parent) findings.push(parent);
    const pairing = checkPairing(row, catalogue);
    if (pairing) findings.push(pairing);
  }
  for (const [parent, group] of uncovered) findings.push(notCovered(parent, group, catalogue, year));
  return findings;
}

/** The rows under one parent whose codes the data cannot judge: what their info says of them. */
interface Uncovered {
  classification: Classification;
  count: number;
  /** Their codes, in the order first met. */
  codes: Set<string>;
  /** The cells of the first row: the info's cells when it is the only one. */
  onlyCells: FindingCell[];
  /** Each row's first code cell: the info's cells otherwise. */
  firstCells: FindingCell[];
}

/** Marker: the code is outside what the data can judge. */
const NOT_COVERED = "not-covered" as const;

/** Nearest ancestor of the row's code that the catalogue lists ("" when none: the 类 list itself). */
function listedParent(row: CodeRow, catalogue: Catalogue, year: number): string {
  for (let len = row.code.length - 2; len >= 3; len -= 2) {
    const prefix = row.code.slice(0, len);
    if (catalogue.lookup(prefix, year)) return prefix;
  }
  return `:${row.classification}`;
}

const CLASSIFICATION_NAMES: Record<Classification, { zh: string; en: string }> = {
  function: { zh: "支出功能分类", en: "functional classification" },
  "dept-economic": { zh: "部门预算支出经济分类", en: "department economic classification" },
  "gov-economic": { zh: "政府预算支出经济分类", en: "government economic classification" },
  revenue: { zh: "收入分类", en: "revenue classification" },
};

const LISTED_CODES = 10;

/**
 * One info for every code under one parent the built-in list does not list completely: it names the parent, counts
 * and lists the codes, and marks every cell (as cells of the finding; infos are not coloured in the workbook).
 */
function notCovered(parent: string, group: Uncovered, catalogue: Catalogue, year: number): Finding {
  const dataYear = catalogue.resolveYear(year);
  const codes = [...group.codes];
  const shown = codes.slice(0, LISTED_CODES).join("、") + (codes.length > LISTED_CODES ? ` 等 ${codes.length} 个编码` : "");
  const shownEn = codes.slice(0, LISTED_CODES).join(", ") + (codes.length > LISTED_CODES ? ` and ${codes.length - LISTED_CODES} more` : "");
  const entry = parent.startsWith(":") ? undefined : catalogue.lookup(parent, year);
  const classification = group.classification;
  const where = entry ? `${entry.code} ${entry.name}` : CLASSIFICATION_NAMES[classification].zh;
  const whereEn = entry ? `${entry.code} ${entry.name}` : `the ${CLASSIFICATION_NAMES[classification].en}`;
  const cells = group.count === 1 ? group.onlyCells : group.firstCells;
  return {
    rule: RULE_NOT_COVERED,
    severity: "info",
    message:
      `内置科目表只收录了 ${where} 下的部分科目，${group.count} 处编码无法核对是否存在（${shown}）；` +
      `导入${dataYear}年科目表后可核对`,
    messageEn:
      `The built-in list holds only part of ${whereEn} for ${dataYear}: ${group.count} code cell(s) not checked (${shownEn}); ` +
      `import the ${dataYear} code list to check them`,
    cells,
    actual: codes.length <= LISTED_CODES ? codes.join("、") : `${codes.slice(0, LISTED_CODES).join("、")}…`,
  };
}

function rowCells(row: CodeRow): FindingCell[] {
  return row.nameCell ? [...row.codeCells, row.nameCell] : [...row.codeCells];
}

/** The finding for a code the catalogue does not hold in `year` (NOT_COVERED where the data cannot judge). */
function checkExists(row: CodeRow, catalogue: Catalogue, year: number): Finding | typeof NOT_COVERED {
  // A code of no valid length (a digit lost or doubled: 208055) exists in no year, covered or not.
  if (levelOf(row.code) === undefined) {
    return {
      rule: RULE_UNKNOWN,
      severity: "error",
      message: `科目编码 ${row.code} 位数不对（类 3 位、款 5 位、项 7 位），可能漏输或多输了一位`,
      messageEn: `Code ${row.code} has ${row.code.length} digits (a class has 3, a section 5, an item 7): a digit missing or typed twice?`,
      cells: rowCells(row),
      actual: row.code,
    };
  }
  const dataYear = catalogue.resolveYear(year);
  const other = catalogue.yearsOf(row.code);
  const earlier = other.filter((y) => y < dataYear);
  const later = other.filter((y) => y > dataYear);
  let zh = "";
  let en = "";
  if (catalogue.importedListFor(row.code, year) !== undefined) {
    // The imported list is the year's official list: the built-in years say nothing about it.
  } else if (earlier.length > 0 && later.length === 0) {
    const last = earlier[earlier.length - 1];
    zh = `（${dataYear}年已停用，${last}年有效）`;
    en = ` (discontinued in ${dataYear}; valid in ${last})`;
  } else if (later.length > 0 && earlier.length === 0) {
    zh = `（${later[0]}年新增）`;
    en = ` (added in ${later[0]})`;
  } else if (other.length > 0) {
    zh = `（仅在${other.join("、")}年有效）`;
    en = ` (valid only in ${other.join(", ")})`;
  }
  // A code the list holds for other years is known not to exist in this one (added or removed by a revision): an
  // error even where the list is incomplete. Otherwise only a parent declared complete makes it unknown.
  // The built-in list is incomplete under this parent: say the code was not checked rather than call it wrong.
  if (other.length === 0 && !catalogue.isCovered(row.code, year)) return NOT_COVERED;
  const list = catalogue.importedListFor(row.code, year);
  if (list !== undefined) {
    zh += `（导入的科目表 ${list} 中没有）`;
    en += ` (not in the imported list ${list})`;
  }
  return {
    rule: RULE_UNKNOWN,
    severity: "error",
    message: `科目编码 ${row.code} 不在${dataYear}年政府收支分类科目中${zh}`,
    messageEn: `Code ${row.code} is not in the ${dataYear} government revenue and expenditure classification${en}`,
    cells: rowCells(row),
    actual: row.code,
  };
}

/** `entry`: the row's code as the catalogue holds it in the year checked. */
function checkName(row: CodeRow, entry: CatalogueEntry, catalogue: Catalogue): Finding | undefined {
  if (row.name === undefined || row.name.trim() === "" || namesMatch(row.name, entry.name)) return undefined;
  const published = row.name;
  // A name valid in another year is an outdated (or premature) name, not a typo: say which year it belongs to.
  const validIn = catalogue.yearsOf(row.code).filter((y) => {
    const other = catalogue.lookup(row.code, y);
    return other !== undefined && y !== entry.year && namesMatch(published, other.name);
  });
  const zh = validIn.length > 0 ? `；“${published.trim()}”是${validIn.join("、")}年的科目名称` : "";
  const en = validIn.length > 0 ? `; "${published.trim()}" is the name used in ${validIn.join(", ")}` : "";
  const cells = row.nameCell ? [row.nameCell, ...row.codeCells] : [...row.codeCells];
  return {
    rule: RULE_NAME,
    severity: "warning",
    message: `科目 ${row.code} 的名称应为“${entry.name}”（${entry.year}年）${zh}`,
    messageEn: `Subject ${row.code} should be named "${entry.name}" (${entry.year})${en}`,
    cells,
    expected: entry.name,
    actual: published,
  };
}

function checkParent(row: CodeRow): Finding | undefined {
  const parent = row.parentCode;
  // Only an enclosing row (a shorter code) says anything about the hierarchy; tables may skip a level.
  if (parent === undefined || parent.length >= row.code.length || row.code.startsWith(parent)) return undefined;
  const expected = row.code.slice(0, parent.length);
  return {
    rule: RULE_PARENT,
    severity: "error",
    message: `科目 ${row.code} 应列在 ${expected} 之下，而不是 ${parent} 之下`,
    messageEn: `Subject ${row.code} belongs under ${expected}, not under ${parent}`,
    cells: rowCells(row),
    expected,
    actual: parent,
  };
}

function checkPairing(row: CodeRow, catalogue: Catalogue): Finding | undefined {
  if (row.classification !== "dept-economic" || !row.pairedCode) return undefined;
  const allowed = catalogue.pairedGovCodes(row.code);
  if (!allowed || allowed.includes(row.pairedCode.code)) return undefined;
  return {
    rule: RULE_PAIRING,
    severity: "warning",
    message: `部门经济分类 ${row.code} 对应的政府经济分类应为 ${allowed.join(" 或 ")}，表中为 ${row.pairedCode.code}`,
    messageEn: `Department economic code ${row.code} corresponds to government economic code ${allowed.join(" or ")}, not ${row.pairedCode.code}`,
    cells: [row.pairedCode.cell, ...rowCells(row)],
    expected: allowed.join("/"),
    actual: row.pairedCode.code,
  };
}
