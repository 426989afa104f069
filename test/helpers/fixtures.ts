/**
 * Fixture workbooks as GridWorkbooks, loaded once per process; every call returns a fresh deep copy so a test may
 * mutate its copy freely.
 */
import fs from "node:fs";
import path from "node:path";
import type { GridWorkbook } from "../../src/core/grid";
import { readXlsxFile } from "../../src/cli/xlsx-grid";

export const FIXTURE_NAMES = [
  "hebei-qinhuangdao-social-insurance-2023",
  "henan-yibin-social-security-2022",
  "shijiazhuang-social-insurance-2023",
  "shanghai-putuo-commerce-unit-2025",
] as const;

export type FixtureName = (typeof FIXTURE_NAMES)[number];

/** The published workbooks the tests read live in the repository (test/fixtures, see its README). */
export function fixturesDir(): string {
  const dir = path.resolve(__dirname, "../fixtures");
  if (!fs.existsSync(path.join(dir, `${FIXTURE_NAMES[0]}.xlsx`))) throw new Error(`Fixture workbooks not found in ${dir}`);
  return dir;
}

export function fixturePath(name: string): string {
  const file = name.endsWith(".xlsx") ? name : `${name}.xlsx`;
  return path.join(fixturesDir(), file);
}

const cache = new Map<string, Promise<GridWorkbook>>();

export async function loadFixture(name: FixtureName | string): Promise<GridWorkbook> {
  const key = name.replace(/\.xlsx$/, "");
  let p = cache.get(key);
  if (!p) {
    p = readXlsxFile(fixturePath(key));
    cache.set(key, p);
  }
  return structuredClone(await p);
}
