/**
 * Test helper: every (code, name) pair published in test/fixtures/seeds/*.txt and test/fixtures/*.xlsx, with the budget
 * year of its document. Codes come as one cell ("2080505"), split into 类/款/项 cells ("208","05","05"), or as
 * "2080505 名称" in one cell; a unit code column ("027", "027001") may sit between code and name.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readXlsxFile } from "../../../src/xlsx/read-file";

/** The published seeds and workbooks, carried in the repository (test/fixtures). */
export const SHARED = join(__dirname, "../../fixtures");

export interface PublishedCode {
  document: string;
  year: number;
  code: string;
  name: string;
  /** Sheet and row for fixtures, line-ish position for seeds. */
  where: string;
  /** A 5xx 政府经济分类 code printed later on the same row as a 3xx code. */
  pairedCode?: string;
}

const CODE = /^[235]\d{2}(?:\d{2}){0,2}$/;
const INLINE = /^([235]\d{2}(?:\d{2}){0,2})\s+(\S.*)$/;
const UNIT = /^0\d{2}(?:\d{3})?$/;
// Tokens that look like a code but are amounts or counts followed by a unit in narrative text.
const NOT_A_NAME = /^(万元|元|天|个|人|辆|次|%)/;

function maxLength(code: string): number {
  return code.startsWith("2") ? 7 : 5;
}

/** Scans one row (or one text line) of tokens; returns the codes with their names. */
export function codesInTokens(tokens: string[]): { code: string; name: string; pairedCode?: string }[] {
  const found: { code: string; name: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const inline = INLINE.exec(t);
    if (inline && !NOT_A_NAME.test(inline[2])) {
      found.push({ code: inline[1], name: inline[2].trim() });
      continue;
    }
    if (!CODE.test(t)) continue;
    let code = t;
    let j = i + 1;
    while (j < tokens.length && /^\d{2}$/.test(tokens[j]) && code.length < maxLength(code)) code += tokens[j++];
    if (j < tokens.length && UNIT.test(tokens[j])) j++;
    const name = tokens[j] ?? "";
    if (/[\u4e00-\u9fff]/.test(name) && !NOT_A_NAME.test(name)) {
      found.push({ code, name: name.trim() });
      i = j;
    }
  }
  // Henan economic tables print the 政府经济分类 code after the 部门经济分类 code on the same row.
  return found.map((f, k) => {
    const next = found[k + 1];
    return f.code.startsWith("3") && next?.code.startsWith("5") ? { ...f, pairedCode: next.code } : f;
  });
}

function seedYear(text: string): number {
  // "预算年度：2023", "2022年部门预算", "2025年区级单位预算", "2024 年度\n部门决算" (the title, near the top).
  const m = /预算年度：\s*(\d{4})/.exec(text) ?? /(20\d{2})年(?:部门|单位)/.exec(text) ??
    /(20\d{2})\s*年度?\s*(?:区级)?(?:部门|单位)/.exec(text.slice(0, 300));
  if (!m) throw new Error("no budget year in seed");
  return Number(m[1]);
}

/**
 * Documents whose every code the built-in catalogue holds: the three 预算 documents, and the 上海 workbooks (their codes
 * were added as attested codes, see data/catalogue/README.md). The 上海 seeds (.txt) stay out: their text was laid out
 * by pdftotext with two tables side by side on one line, so codes and names cannot be paired from it.
 */
const COVERED_DOCUMENTS = ["000_", "001_", "002_", "hebei-", "henan-", "shijiazhuang-", "shanghai-"];
const covered = (file: string): boolean => COVERED_DOCUMENTS.some((prefix) => file.startsWith(prefix));

export function seedCodes(): PublishedCode[] {
  const dir = join(SHARED, "seeds");
  const out: PublishedCode[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt") && covered(f)).sort()) {
    const text = readFileSync(join(dir, file), "utf8");
    const year = seedYear(text);
    // One "row" per line; cells separated by tabs. Seeds with one cell per line still yield code+name pairs
    // because the scan continues across the line boundary (tokens of the whole file).
    const tokens = text
      .split(/[\t\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    for (const c of codesInTokens(tokens)) out.push({ document: file, year, where: file, ...c });
  }
  return out;
}

export async function fixtureCodes(): Promise<PublishedCode[]> {
  const dir = SHARED;
  const out: PublishedCode[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".xlsx") && covered(f)).sort()) {
    const wb = await readXlsxFile(join(dir, file));
    let year: number | undefined;
    for (const ws of wb.sheets) {
      // The reader keeps a merged range's value at its master cell only, so each text is read once.
      ws.values.forEach((row, r) => {
        const tokens: string[] = [];
        row?.forEach((value) => {
          const text = typeof value === "string" ? value.trim() : "";
          if (text !== "") tokens.push(text);
        });
        for (const t of tokens) {
          const m = /预算年度：\s*(\d{4})/.exec(t) ?? /^(20\d{2})年/.exec(t);
          if (m && year === undefined) year = Number(m[1]);
        }
        for (const c of codesInTokens(tokens)) {
          // The 决算 template prints no year in its sheets; its file name (like every fixture's) carries it.
          year ??= /-(20\d{2})\.xlsx$/.exec(file) ? Number(/-(20\d{2})\.xlsx$/.exec(file)?.[1]) : undefined;
          if (year === undefined) throw new Error(`${file}: code before any budget year`);
          out.push({ document: file, year, where: `${file} ${ws.name}!${r + 1}`, ...c });
        }
      });
    }
  }
  return out;
}
