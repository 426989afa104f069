/**
 * The README's "Project layout" table names every folder of src/ and only folders that exist (issue 17), so the
 * table cannot drift from the tree.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function foldersUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      return [rel, ...foldersUnder(rel)];
    });
}

function layoutTableFolders(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Project layout"));
  const table = section.slice(0, section.indexOf("\n## ")).split("\n").filter((l) => l.startsWith("| `"));
  // The first cell of each row lists its folders in backticks.
  return table.flatMap((row) => [...row.split("|")[1].matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\/$/, "")));
}

describe("README layout table", () => {
  test("names each folder of src/ once, and nothing that is not a folder", () => {
    const named = layoutTableFolders().filter((f) => f.startsWith("src"));
    expect([...named].sort()).toEqual(["src", ...foldersUnder("src")].filter((f) => f !== "src").sort());
    expect(new Set(named).size).toBe(named.length);
  });
});
