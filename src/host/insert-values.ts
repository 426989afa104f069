/** Pure helpers for what the pane inserts: catalogue codes and template tables. */
import { splitCode } from "../core/codes/classify";
import type { CodeInsertMode, CodeRow } from "./host";

export function codeRowsToValues(rows: readonly CodeRow[], mode: CodeInsertMode): string[][] {
  return rows.map((r) => (mode === "code+name" ? [`${r.code} ${r.name}`] : [...splitCode(r.code), r.name]));
}

/** True when every cell is empty (Excel reports empty cells as ""). */
export function isBlank(cells: readonly (readonly unknown[])[]): boolean {
  return cells.every((row) => row.every((v) => v === "" || v === null || v === undefined));
}

const FORBIDDEN = /[\\/?*[\]:]/g;

/** Excel sheet names: ≤ 31 characters, none of \ / ? * [ ] :, unique ignoring case. */
export function uniqueSheetName(title: string, existing: readonly string[]): string {
  const base = (title.replace(FORBIDDEN, "").trim() || "表").slice(0, 31);
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
