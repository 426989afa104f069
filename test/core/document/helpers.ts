/** Shared shorthand for the document-level tests. */
import { documentFindings } from "../../../src/core/document";
import { recogniseAll } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/finding";
import type { GridWorkbook } from "../../../src/core/grid";
import { at } from "../build";
import { a1 } from "../../../src/core/finding";

export const HEBEI = "hebei-qinhuangdao-social-insurance-2023";
export const HENAN = "henan-yibin-social-security-2022";
export const SHIJIAZHUANG = "shijiazhuang-social-insurance-2023";

export function docFindings(wb: GridWorkbook): Finding[] {
  return documentFindings(recogniseAll(wb), wb);
}

export function brief(f: Finding): { rule: string; severity: string; cell: string; expected?: string; actual?: string } {
  const out: { rule: string; severity: string; cell: string; expected?: string; actual?: string } = { rule: f.rule, severity: f.severity, cell: at(f) };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.actual !== undefined) out.actual = f.actual;
  return out;
}

/** Every finding names real cells and carries both languages. */
export function expectWellFormed(findings: Finding[]): void {
  for (const f of findings) {
    expect(f.cells.length).toBeGreaterThan(0);
    for (const c of f.cells) expect(a1(c)).toMatch(/^[A-Z]+\d+$/);
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.messageEn).toMatch(/\b(the|is|are|has|holds|states|totals|found)\b/);
  }
}
