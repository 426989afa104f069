/**
 * The catalogue data is a lazy chunk of the pane (loaded on first use): no static import chain from the pane's entry
 * points may reach it. The check worker, a separate bundle, carries its own copy. Walks the static imports of the
 * source (type-only imports and dynamic import() do not bundle).
 */
import fs from "node:fs";
import path from "node:path";

const SRC = path.resolve(__dirname, "../../src");

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null; // packages
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  // `import … from "x"` and `export … from "x"`, not `import type` / `export type`; `import("x")` is lazy.
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"/gms)) out.push(m[1]);
  for (const m of text.matchAll(/^import\s+"([^"]+)"/gm)) out.push(m[1]);
  return out;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(file)) {
      const target = resolveImport(file, spec);
      if (target) stack.push(target);
    }
  }
  return seen;
}

const rel = (files: Set<string>) => [...files].map((f) => path.relative(SRC, f).replace(/\\/g, "/"));
const isCatalogueData = (f: string) => /^core\/catalogue\/(data|sync)(\/|\.ts$)/.test(f);

describe("lazy catalogue", () => {
  it.each([["taskpane/office-entry.tsx"], ["preview/preview-entry.tsx"]])("%s reaches the catalogue data only through import()", (entry) => {
    const files = rel(reachable(path.join(SRC, entry)));
    expect(files.length).toBeGreaterThan(20); // the walk follows the pane's imports
    expect(files).toContain("core/catalogue/load.ts");
    expect(files.filter(isCatalogueData)).toEqual([]);
  });

  it.each([["taskpane/office-entry.tsx"], ["preview/preview-entry.tsx"], ["taskpane/worker/check-worker.ts"]])(
    "%s loads pinyin-pro (for imported names' initials) only through import()",
    (entry) => {
      expect(rel(reachable(path.join(SRC, entry)))).not.toContain("core/catalogue/initials.ts");
    },
  );

  it("the check worker bundles its own copy", () => {
    expect(rel(reachable(path.join(SRC, "taskpane/worker/check-worker.ts"))).filter(isCatalogueData).length).toBeGreaterThan(0);
  });
});
