/**
 * Builds src/core/catalogue/data/*.json from data/catalogue/sources/*.tsv.
 * Run: npx tsx scripts/build-catalogue.ts
 *
 * Each source row is `code<TAB>name<TAB>fromYear-toYear<TAB>evidence`; `attested:fromYear-toYear` marks a code seen in
 * those years only (a disclosure, a dated excerpt), whose range says nothing about the years outside it. The output keeps the first year in full and
 * every later year as a diff (added / renamed / removed codes), so the data stays small and year changes are explicit.
 * Pinyin initials are computed here (src/core/catalogue/initials.ts) so the browser needs pinyin-pro only for imported names.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { initials } from "../src/core/catalogue/initials";
import type { Classification, ClassificationData, DataRow, PairingData, YearDiff } from "../src/core/catalogue/types";

const ROOT = join(__dirname, "..");
const SOURCES = join(ROOT, "data/catalogue/sources");
const OUT = join(ROOT, "src/core/catalogue/data");
export const YEARS = [2022, 2023, 2024, 2025, 2026];

const FILES: Record<Classification, string> = {
  function: "function.tsv",
  "dept-economic": "dept-economic.tsv",
  "gov-economic": "gov-economic.tsv",
  revenue: "revenue.tsv",
};

/** Code lengths allowed per classification (类/款/项/目). */
const LENGTHS: Record<Classification, number[]> = {
  function: [3, 5, 7],
  "dept-economic": [3, 5],
  "gov-economic": [3, 5],
  revenue: [3, 5, 7, 9],
};

export interface SourceRow {
  code: string;
  name: string;
  from: number;
  to: number;
  line: number;
  /** The range is where the code was seen, not where it begins and ends. */
  attested?: boolean;
}

function dataLines(file: string): { cols: string[]; line: number }[] {
  return readFileSync(join(SOURCES, file), "utf8")
    .split("\n")
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== "" && !text.startsWith("#"))
    .map(({ text, line }) => ({ cols: text.split("\t").map((c) => c.trim()), line }));
}

function readSource(classification: Classification): SourceRow[] {
  const file = FILES[classification];
  return dataLines(file).map(({ cols, line }) => {
    const [code, name, years] = cols;
    const m = /^(attested:)?(\d{4})-(\d{4})$/.exec(years ?? "");
    if (!code || !name || !m) throw new Error(`${file}:${line}: expected code, name, years`);
    if (!/^\d+$/.test(code) || !LENGTHS[classification].includes(code.length)) {
      throw new Error(`${file}:${line}: code ${code} has the wrong shape for ${classification}`);
    }
    return { code, name, from: Number(m[2]), to: Number(m[3]), line, ...(m[1] ? { attested: true } : {}) };
  });
}

export { initials };

function parentOf(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, code.length - 2) : undefined;
}

/** The code → name map in force in one year; rejects duplicates and orphans. */
function yearMap(classification: Classification, rows: SourceRow[], year: number): Map<string, string> {
  const map = new Map<string, string>();
  for (const r of rows) {
    if (year < r.from || year > r.to) continue;
    if (map.has(r.code)) throw new Error(`${FILES[classification]}:${r.line}: ${r.code} twice in ${year}`);
    map.set(r.code, r.name);
  }
  for (const code of map.keys()) {
    const parent = parentOf(code);
    if (parent && !map.has(parent)) throw new Error(`${classification} ${year}: ${code} has no parent ${parent}`);
  }
  return map;
}

function row(code: string, name: string): DataRow {
  return [code, name, initials(name)];
}

function byCode(a: DataRow, b: DataRow): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

export function buildClassification(
  classification: Classification,
  rows: SourceRow[],
  complete: ClassificationData["complete"] = [],
): ClassificationData {
  const maps = YEARS.map((y) => yearMap(classification, rows, y));
  const base = [...maps[0].entries()].map(([c, n]) => row(c, n)).sort(byCode);
  const diffs: Record<string, YearDiff> = {};
  for (let i = 1; i < YEARS.length; i++) {
    const prev = maps[i - 1];
    const cur = maps[i];
    const diff: YearDiff = { add: [], rename: [], remove: [] };
    for (const [code, name] of cur) {
      const old = prev.get(code);
      if (old === undefined) diff.add.push(row(code, name));
      else if (old !== name) diff.rename.push(row(code, name));
    }
    for (const code of prev.keys()) if (!cur.has(code)) diff.remove.push(code);
    if (diff.add.length || diff.rename.length || diff.remove.length) {
      diff.add.sort(byCode);
      diff.rename.sort(byCode);
      diff.remove.sort();
      diffs[String(YEARS[i])] = diff;
    }
  }
  for (const [parent, from, to] of complete) {
    for (let i = 0; i < YEARS.length; i++) {
      if (YEARS[i] < from || YEARS[i] > to) continue;
      if (parent !== "" && !maps[i].has(parent)) {
        throw new Error(`coverage: ${classification} ${parent} is not in the ${YEARS[i]} list`);
      }
    }
  }
  const attested = [...new Set(rows.filter((r) => r.attested).map((r) => r.code))].sort();
  // Outside its years an attested code must stay "not covered": a complete parent there would call it unknown.
  for (const r of rows.filter((x) => x.attested))
    for (const [parent, from, to] of complete) {
      const outside = YEARS.filter((y) => (y < r.from || y > r.to) && y >= from && y <= to);
      if (outside.length > 0 && (parentOf(r.code) ?? "") === parent)
        throw new Error(`${FILES[classification]}:${r.line}: attested ${r.code} sits under ${parent || "the 类 list"}, complete in ${outside[0]}`);
    }
  if (attested.some((code) => rows.some((r) => r.code === code && !r.attested)))
    throw new Error(`${classification}: a code is both attested and dated`);
  return { classification, years: YEARS, base, diffs, complete, ...(attested.length > 0 ? { attested } : {}) };
}

/** coverage.tsv: per classification, the parents declared complete ("-" = the 类 list). */
function readCoverage(): Map<Classification, ClassificationData["complete"]> {
  const out = new Map<Classification, ClassificationData["complete"]>();
  for (const { cols, line } of dataLines("coverage.tsv")) {
    const [classification, parent, years] = cols;
    const m = /^(\d{4})-(\d{4})$/.exec(years ?? "");
    if (!(classification in FILES) || !parent || !m) throw new Error(`coverage.tsv:${line}: bad row`);
    const list = out.get(classification as Classification) ?? [];
    list.push([parent === "-" ? "" : parent, Number(m[1]), Number(m[2])]);
    out.set(classification as Classification, list);
  }
  return out;
}

function readPairing(dept: ClassificationData, gov: ClassificationData): PairingData {
  const deptCodes = new Set(dept.base.map((r) => r[0]));
  const govCodes = new Set(gov.base.map((r) => r[0]));
  const pairing: PairingData = {};
  for (const { cols, line } of dataLines("economic-pairing.tsv")) {
    const [d, g] = cols;
    if (!d || !g || !deptCodes.has(d)) throw new Error(`economic-pairing.tsv:${line}: unknown dept code ${d}`);
    const targets = g.split(",").map((s) => s.trim());
    for (const t of targets) if (!govCodes.has(t)) throw new Error(`economic-pairing.tsv:${line}: unknown gov code ${t}`);
    pairing[d] = targets;
  }
  return pairing;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const built = new Map<Classification, ClassificationData>();
  let total = 0;
  let gzipped = 0;
  const write = (file: string, value: unknown): void => {
    const text = JSON.stringify(value) + "\n";
    writeFileSync(join(OUT, file), text);
    total += Buffer.byteLength(text);
    gzipped += gzipSync(text).length;
  };
  const coverage = readCoverage();
  for (const classification of Object.keys(FILES) as Classification[]) {
    const data = buildClassification(classification, readSource(classification), coverage.get(classification));
    built.set(classification, data);
    write(`${classification}.json`, data);
    const changed = Object.keys(data.diffs).join(", ") || "none";
    console.log(`${classification}: ${data.base.length} codes in ${YEARS[0]}; years with changes: ${changed}`);
  }
  const dept = built.get("dept-economic");
  const gov = built.get("gov-economic");
  if (!dept || !gov) throw new Error("economic classifications missing");
  write("pairing.json", readPairing(dept, gov));
  console.log(`data: ${total} bytes, ${gzipped} bytes gzipped (each file gzipped on its own)`);
}

if (require.main === module) main();
